package io.ordo.bench.workload;

import static io.ordo.bench.Fmt.f1;

import io.ordo.bench.Harness;
import io.ordo.bench.JournalProbe;
import io.ordo.bench.Load;
import io.ordo.bench.Workload;
import io.ordo.bench.jmh.Workflows;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Crash recovery: 1,000 executions (200 with --quick) in a short durable {@code WAIT}, the node
 * SIGKILLed, started again on the same database; how long until all have ended, and the
 * journal's proof that each started once and completed once.
 */
public final class RecoveryWorkload implements Workload {

  /** Long enough that all 1,000 starts are in before the first timer is due. */
  static final Duration WAIT = Duration.ofSeconds(10);
  static final Duration QUICK_WAIT = Duration.ofSeconds(5);

  static String definition(String id, Duration wait) {
    return """
        {"id": "%s", "steps": [
          {"id": "wait", "type": "WAIT", "duration": "%s"},
          {"id": "after", "type": "DATA_TRANSFORM", "dependsOn": ["wait"],
           "expression": {"ok": true}}]}""".formatted(id, wait);
  }

  @Override
  public String name() {
    return "recovery";
  }

  @Override
  public String title() {
    return "recovery: SIGKILL with executions in flight";
  }

  @Override
  public Needs needs() {
    return Needs.NODE;
  }

  @Override
  public void run(Harness h) throws Exception {
    int n = h.quick() ? 200 : 1000;
    Duration wait = h.quick() ? QUICK_WAIT : WAIT;
    h.ensureWorkflow(definition("bench-recover", wait));
    var journal = new JournalProbe(h.db().ordo());
    long startedBefore = journal.count("ExecutionStarted");
    long completedBefore = journal.count("ExecutionCompleted");
    HttpRequest start = h.load().post("/api/v1/workflows/bench-recover/execute",
        "{\"input\":" + Workflows.P3_INPUT + "}");
    // 202 means the start is persisted: from here on the execution must survive the kill.
    Load.Run starts = h.load().closed("recovery starts", start, Load::accepted, 32, n,
        Duration.ofSeconds(120));
    long lastStartAt = System.nanoTime();
    if (starts.ok() != n) {
      throw new IllegalStateException("only " + starts.ok() + " of " + n + " starts succeeded: "
          + starts.errorKinds());
    }
    List<String> ids = starts.ids();
    h.node().kill();
    long killedAt = System.nanoTime();
    long endedAtKill = journal.ended(ids);
    Harness.log("recovery: %d started in %.2f s, SIGKILLed the node; %d had ended before", n,
        starts.seconds(), endedAtKill);
    Duration restart = h.node().start(Duration.ofSeconds(180));
    long readyAt = System.nanoTime();
    long deadline = readyAt + Duration.ofSeconds(180).toNanos();
    long ended = journal.ended(ids);
    while (ended < n && System.nanoTime() < deadline) {
      Harness.pause(Duration.ofMillis(200));
      ended = journal.ended(ids);
    }
    long allEndedAt = System.nanoTime();
    // A duplicate completion would come late: give it time to reach the journal, then count.
    Harness.pause(Duration.ofSeconds(3));
    Map<String, JournalProbe.Endings> endings = journal.endings(ids);
    long startedDelta = journal.count("ExecutionStarted") - startedBefore;
    long completedDelta = journal.count("ExecutionCompleted") - completedBefore;
    long exactlyOnce = endings.values().stream()
        .filter(e -> e.started() == 1 && e.completed() == 1 && e.otherTerminal() == 0).count();
    long twice = endings.values().stream().filter(e -> e.terminal() > 1).count();
    long otherEnd = endings.values().stream().filter(e -> e.otherTerminal() > 0).count();
    long lost = n - endings.values().stream().filter(e -> e.terminal() >= 1).count();
    boolean proven = ended >= n && exactlyOnce == n && startedDelta == n && completedDelta == n
        && ids.stream().distinct().count() == n;
    double fromKill = (allEndedAt - killedAt) / 1e9;
    double fromReady = (allEndedAt - readyAt) / 1e9;
    double afterDue = (allEndedAt - lastStartAt - wait.toNanos()) / 1e9;
    var m = new LinkedHashMap<String, Object>();
    m.put("executions", n);
    m.put("wait", wait.toString());
    m.put("startSeconds", starts.seconds());
    m.put("startLatencyMs", starts.latency());
    m.put("endedBeforeKill", endedAtKill);
    m.put("restartToReadySeconds", restart.toMillis() / 1000.0);
    m.put("killToAllEndedSeconds", fromKill);
    m.put("readyToAllEndedSeconds", fromReady);
    m.put("lastDueToAllEndedSeconds", afterDue);
    m.put("endedAfterRecovery", ended);
    m.put("executionStartedEventsAdded", startedDelta);
    m.put("executionCompletedEventsAdded", completedDelta);
    m.put("exactlyOneStartAndOneCompletion", exactlyOnce);
    m.put("endedMoreThanOnce", twice);
    m.put("endedOtherwise", otherEnd);
    m.put("lost", lost);
    m.put("proven", proven);
    h.results().put("recovery", m);
    String w = String.format(Locale.ROOT, "recovery: SIGKILL with %,d in flight (WAIT %s)", n,
        wait);
    h.results().row(w, "SIGKILL → all ended (s); restart to ready (s)",
        f1(fromKill) + "; " + f1(restart.toMillis() / 1000.0));
    h.results().row(w, "last timer due → all ended (s)", f1(afterDue));
    h.results().row(w, "lost / ended more than once / ended otherwise",
        lost + " / " + twice + " / " + otherEnd);
    h.results().row(w, "journal: exactly one ExecutionStarted and one ExecutionCompleted per id",
        exactlyOnce + " of " + n + (proven ? " (proven)" : " (NOT proven)"));
    h.results().section("Recovery after SIGKILL", String.format(Locale.ROOT, """
        %d executions of `WAIT %s` then a `DATA_TRANSFORM`, started without waiting (`202`
        means the start is persisted) at 32 in flight in %.2f s; then the node is SIGKILLed
        (%d had ended by then), started again on the same database, and the journal is polled
        until every one of the %d ids has a terminal event.

        | figure | value |
        |---|---|
        | node restart to `/health/ready` | %.1f s |
        | SIGKILL → all ended | **%.1f s** |
        | ready → all ended | %.1f s |
        | last timer due → all ended | %.1f s |
        | ids with exactly one `ExecutionStarted` and one `ExecutionCompleted`, no other end | %d of %d |
        | `ExecutionStarted` events added to the journal during the workload | %d |
        | `ExecutionCompleted` events added | %d |
        | lost / ended more than once / ended otherwise | %d / %d / %d |
        | verdict | %s |

        The waits are durable timers: after the restart the wake-up poller finds the due rows of
        `execution_wakeups` and wakes each execution through sharding, which recovers it from
        the journal.
        """, n, wait, starts.seconds(), endedAtKill, n, restart.toMillis() / 1000.0, fromKill,
        fromReady, afterDue, exactlyOnce, n, startedDelta, completedDelta, lost, twice, otherEnd,
        proven ? "**none lost, none ended twice**" : "**NOT PROVEN: see the counts**"));
    if (!proven) {
      h.results().failure("recovery: the journal does not prove exactly-once completion");
    }
  }
}
