package io.ordo.bench.workload;

import static io.ordo.bench.Fmt.f0;
import static io.ordo.bench.Fmt.f1;

import io.ordo.bench.Harness;
import io.ordo.bench.Load;
import io.ordo.bench.Machine;
import io.ordo.bench.Percentiles;
import io.ordo.bench.Results;
import io.ordo.bench.Workload;
import io.ordo.bench.jmh.Workflows;
import java.net.http.HttpRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many executions parked in a 1-hour {@code WAIT}: how long starting them all takes, and the
 * node's heap after a full GC with all of them in memory, and after a restart (none in memory).
 */
public final class ParkedWorkload implements Workload {

  static final String DEFINITION = """
      {"id": "bench-park", "steps": [{"id": "wait", "type": "WAIT", "duration": "PT1H"}]}""";
  static final Pattern HEAP = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");
  static final String KEEP_IN_MEMORY = "-Dordo.engine.passivate-when-idle=2h";
  /** Starting stops after this long, so the full suite keeps to its 15 minutes. */
  static final Duration START_BUDGET = Duration.ofSeconds(120);
  static final int CHUNK = 5_000;

  /** All the starts: chunks of {@link #CHUNK} until {@code n} or the time budget. */
  record Starts(int requested, int ok, int errors, double seconds, Percentiles latency,
      Map<String, Integer> errorKinds) {
    double throughput() {
      return ok / seconds;
    }
  }

  private static Starts startAll(Harness h, HttpRequest start, int n, Duration budget)
      throws InterruptedException {
    long t0 = System.nanoTime();
    long deadline = t0 + budget.toNanos();
    int requested = 0;
    int ok = 0;
    int errors = 0;
    var kinds = new java.util.TreeMap<String, Integer>();
    var nanos = new java.util.ArrayList<long[]>();
    while (requested < n && System.nanoTime() < deadline) {
      int k = Math.min(CHUNK, n - requested);
      Load.Run run = h.load().closed("parked starts", start, Load::accepted, 64, k,
          Duration.ofSeconds(300));
      requested += k;
      ok += run.ok();
      errors += run.errors();
      run.errorKinds().forEach((kind, c) -> kinds.merge(kind, c, Integer::sum));
      nanos.add(run.okNanos());
    }
    long[] all = nanos.stream().flatMapToLong(java.util.Arrays::stream).toArray();
    return new Starts(requested, ok, errors, (System.nanoTime() - t0) / 1e9,
        Percentiles.ofNanos(all), kinds);
  }

  /** Heap after a full GC, from {@code jcmd GC.heap_info}. */
  public record Heap(double usedMiB, double committedMiB) {}

  @Override
  public String name() {
    return "parked";
  }

  @Override
  public String title() {
    return "parked in WAIT PT1H";
  }

  @Override
  public Needs needs() {
    return Needs.NODE;
  }

  /** Parses the G1 line of {@code GC.heap_info}: "garbage-first heap total 2097152K, used …". */
  public static Heap parseHeap(String info) {
    Matcher m = HEAP.matcher(info);
    if (!m.find()) {
      throw new IllegalStateException("cannot read GC.heap_info: " + info);
    }
    return new Heap(Long.parseLong(m.group(2)) / 1024.0, Long.parseLong(m.group(1)) / 1024.0);
  }

  private static Heap heapAfterFullGc(Harness h) {
    String pid = String.valueOf(h.node().pid());
    Machine.jdkTool("jcmd", pid, "GC.run");
    return parseHeap(Machine.jdkTool("jcmd", pid, "GC.heap_info"));
  }

  private static long wakeupRows(Harness h) throws SQLException {
    try (Statement s = h.db().ordo().createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM execution_wakeups")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void run(Harness h) throws Exception {
    // Idle executions passivate after 30 s by default, so while 100,000 are being started the
    // first would leave memory: keep them all in for the worst case, then restart as configured.
    Duration keepUp = h.restartNode(List.of(KEEP_IN_MEMORY));
    h.ensureWorkflow(DEFINITION);
    int n = h.options().parked();
    Heap before = heapAfterFullGc(h);
    long rowsBefore = wakeupRows(h);
    HttpRequest start = h.load().post("/api/v1/workflows/bench-park/execute",
        "{\"input\":" + Workflows.P3_INPUT + "}");
    Harness.Snap s0 = h.snap();
    Starts run = startAll(h, start, n, h.quick() ? Duration.ofMinutes(2) : START_BUDGET);
    Harness.Snap s1 = h.snap();
    long lastStart = System.nanoTime();
    if (run.requested() < n) {
      h.results().note(String.format(Locale.ROOT, "parked: started %,d of %,d within the"
          + " %d s budget; the heap goal is projected to 100,000", run.requested(), n,
          START_BUDGET.toSeconds()));
      n = run.requested();
    }
    Harness.log("parked: %d started in %.1f s (%.0f/s), %d errors", run.ok(), run.seconds(),
        run.throughput(), run.errors());
    // The wake-up index projection follows the journal; wait until it has every row.
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    long rows = wakeupRows(h);
    while (rows - rowsBefore < run.ok() && System.nanoTime() < deadline) {
      Harness.pause(Duration.ofMillis(500));
      rows = wakeupRows(h);
    }
    double indexLag = (System.nanoTime() - lastStart) / 1e9;
    Heap inMemory = heapAfterFullGc(h);
    Harness.log("parked: %d wake-up rows %.1f s after the last start; heap used %.0f MiB"
        + " (before %.0f MiB)", rows, indexLag, inMemory.usedMiB(), before.usedMiB());
    Duration restart = h.restartNode(List.of());
    Heap restarted = heapAfterFullGc(h);
    Harness.log("parked: restarted in %.1f s with the default passivation; heap used %.0f MiB",
        restart.toMillis() / 1000.0, restarted.usedMiB());
    double perExecutionKiB = (inMemory.usedMiB() - before.usedMiB()) * 1024 / Math.max(1, n);
    double engineCpu = (s1.nodeCpu() - s0.nodeCpu()) / Math.max(1, run.ok()) * 1000;
    double dbCpu = (s1.dbCpu() - s0.dbCpu()) / Math.max(1, run.ok()) * 1000;
    var m = new LinkedHashMap<String, Object>();
    m.put("executions", n);
    m.put("started", run.ok());
    m.put("errors", run.errors());
    m.put("errorKinds", run.errorKinds());
    m.put("startSeconds", run.seconds());
    m.put("startsPerSecond", run.throughput());
    m.put("startLatencyMs", run.latency());
    m.put("cpuSecondsPer1000", Map.of("engine", engineCpu, "database", dbCpu));
    m.put("wakeupRowsBefore", rowsBefore);
    m.put("wakeupRows", rows);
    m.put("secondsUntilIndexed", indexLag);
    m.put("heapBefore", before);
    m.put("heapAllInMemory", inMemory);
    m.put("heapKiBPerExecution", perExecutionKiB);
    m.put("nodeRestartSecondsWithParked", restart.toMillis() / 1000.0);
    m.put("heapAfterRestart", restarted);
    m.put("nodeStartSecondsKeepInMemory", keepUp.toMillis() / 1000.0);
    h.results().put("parked", m);
    String w = String.format(Locale.ROOT, "%,d parked in WAIT PT1H", n);
    h.results().row(w, "time to start them all (s); starts/s", f1(run.seconds()) + "; "
        + f0(run.throughput()));
    h.results().row(w, "heap used after full GC, all in memory (MiB)", f0(inMemory.usedMiB()),
        f0(before.usedMiB()) + " MiB before", "+" + f0(inMemory.usedMiB() - before.usedMiB())
            + " MiB");
    h.results().row(w, "heap used after full GC, restarted (none in memory) (MiB)",
        f0(restarted.usedMiB()));
    // The goal is for 100,000: scale the measured per-execution heap when fewer ran.
    double projected = before.usedMiB() + perExecutionKiB * 100_000 / 1024;
    h.results().goal(Results.Goal.PARKED_HEAP, String.format(Locale.ROOT,
        "%,d in memory: %.0f MiB used (%.1f KiB each)%s", n, inMemory.usedMiB(), perExecutionKiB,
        n == 100_000 ? "" : String.format(Locale.ROOT, "; 100,000 projected: %.0f MiB",
            projected)), (n == 100_000 ? inMemory.usedMiB() : projected) < Results.ONE_GB_MIB
        && run.errors() == 0);
    h.results().section("Parked executions", String.format(Locale.ROOT, """
        %,d executions of a single `WAIT PT1H`, started without waiting (`202`) at 64 in flight,
        on a node started with `%s` so that none passivates while the others start (the worst
        case: all in memory). Heap figures are after a full GC (`jcmd <pid> GC.run`, then
        `GC.heap_info`); the node's JVM flags `%s`. Then the node is restarted as configured
        (idle executions passivate after 30 s; parked ones wait in `execution_wakeups`, not in
        memory).

        | figure | value |
        |---|---|
        | started / errors | %,d / %d |
        | time to start them all | **%.1f s** (%.0f starts/s; p50 %.2f ms, p99 %.2f ms per start) |
        | engine / database CPU-s per 1,000 starts | %.2f / %.2f |
        | `execution_wakeups` rows before → after (all indexed %.1f s after the last start) | %,d → %,d |
        | heap used before | %.0f MiB |
        | heap used with all %,d in memory | **%.0f MiB** (+%.0f MiB, %.1f KiB per execution) |
        | node restart with them parked (SIGTERM, start, `/health/ready`) | %.1f s |
        | heap used after the restart (none in memory) | %.0f MiB |
        """, n, KEEP_IN_MEMORY, String.join(" ", h.nodeFlags()), run.ok(), run.errors(),
        run.seconds(), run.throughput(), run.latency().p50(), run.latency().p99(), engineCpu,
        dbCpu, indexLag, rowsBefore, rows, before.usedMiB(), n, inMemory.usedMiB(),
        inMemory.usedMiB() - before.usedMiB(), perExecutionKiB, restart.toMillis() / 1000.0,
        restarted.usedMiB()));
    if (run.errors() > 0) {
      h.results().note("parked: " + run.errors() + " starts failed " + run.errorKinds());
    }
  }
}
