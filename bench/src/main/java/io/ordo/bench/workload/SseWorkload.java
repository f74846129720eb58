package io.ordo.bench.workload;

import static io.ordo.bench.Fmt.f2;

import io.ordo.bench.Harness;
import io.ordo.bench.JournalProbe;
import io.ordo.bench.Load;
import io.ordo.bench.Percentiles;
import io.ordo.bench.Results;
import io.ordo.bench.Workload;
import io.ordo.bench.jmh.Workflows;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * SSE persist-to-delivery delay: executions that wait 1 s and then finish three steps, each
 * followed on {@code GET /api/v1/executions/{id}/events} from right after its start. For every
 * event persisted after the stream opened, the delay is its arrival at the client minus its
 * {@code write_timestamp} in the journal (same machine, same clock). Skips with a note when the
 * node has no such endpoint yet.
 */
public final class SseWorkload implements Workload {

  static final String DEFINITION = """
      {"id": "bench-sse", "steps": [
        {"id": "wait", "type": "WAIT", "duration": "PT1S"},
        {"id": "a", "type": "DATA_TRANSFORM", "dependsOn": ["wait"], "expression": {"ok": true}},
        {"id": "b", "type": "DATA_TRANSFORM", "dependsOn": ["a"], "expression": {"ok": true}},
        {"id": "c", "type": "DATA_TRANSFORM", "dependsOn": ["b"], "expression": {"ok": true}}]}""";
  static final int PARALLEL = 8;
  /** The SSE event types (docs/api.md) and journal class names that end an execution. */
  static final java.util.regex.Pattern TERMINAL = java.util.regex.Pattern.compile(
      "execution\\.(completed|failed|cancelled|timed-out)\\b|Execution(Completed|Failed"
          + "|Cancelled|TimedOut)\\b");

  /** What one followed execution delivered: arrival time (epoch µs) by sequence number. */
  record Followed(String executionId, long openedMicros, Map<Long, Long> arrivals,
      boolean ended) {}

  @Override
  public String name() {
    return "sse";
  }

  @Override
  public String title() {
    return "SSE persist-to-delivery";
  }

  @Override
  public Needs needs() {
    return Needs.NODE;
  }

  @Override
  public void run(Harness h) throws Exception {
    h.ensureWorkflow(DEFINITION);
    Followed probe = follow(h, start(h));
    if (probe.arrivals().isEmpty()) {
      throw new IllegalStateException("the stream of " + probe.executionId()
          + " delivered no event with an id");
    }
    int n = h.quick() ? 16 : 120;
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    var followed = new ArrayList<Followed>();
    try {
      var futures = new ArrayList<Future<Followed>>();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(() -> follow(h, start(h))));
      }
      for (Future<Followed> f : futures) {
        followed.add(f.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    var journal = new JournalProbe(h.db().ordo());
    var delays = new ArrayList<Long>();
    int notEnded = 0;
    for (Followed f : followed) {
      notEnded += f.ended() ? 0 : 1;
      Map<Long, Long> written = journal.writeTimes(f.executionId());
      for (var e : f.arrivals().entrySet()) {
        Long writtenMillis = written.get(e.getKey());
        // Only events persisted after the stream was open: the rest is the replay.
        if (writtenMillis != null && writtenMillis * 1000 > f.openedMicros()) {
          delays.add((e.getValue() - writtenMillis * 1000) * 1000);
        }
      }
    }
    if (delays.isEmpty()) {
      throw new IllegalStateException("no live event to measure (write_timestamp unset?)");
    }
    Percentiles p = Percentiles.ofNanos(delays.stream().mapToLong(Long::longValue).toArray());
    var m = new LinkedHashMap<String, Object>();
    m.put("executions", n);
    m.put("liveEvents", delays.size());
    m.put("streamsWithoutTerminalEvent", notEnded);
    m.put("delayMs", p);
    h.results().put("sse", m);
    h.results().row(title(), "delay p50 / p90 / p99 / max (ms), " + delays.size()
        + " live events", String.format(Locale.ROOT, "%.2f / %.2f / %.2f / %.1f", p.p50(),
        p.p90(), p.p99(), p.max()));
    h.results().goal(Results.Goal.SSE_DELIVERY, "p50 " + f2(p.p50()) + " ms, p99 "
        + f2(p.p99()) + " ms", p.p99() < 100 && notEnded == 0);
    h.results().section("SSE persist-to-delivery delay", String.format(Locale.ROOT, """
        %d executions (`WAIT PT1S`, then three `DATA_TRANSFORM`s), %d at a time, each followed
        on `GET /api/v1/executions/{id}/events` from right after its `202`. Delay = arrival at
        the client − the event's `write_timestamp` in the journal (milliseconds, same clock),
        for the %d events persisted after the stream opened (the replay is not counted).
        %d streams ended without a terminal event.

        | p50 ms | p90 ms | p99 ms | max ms |
        |---|---|---|---|
        | %.2f | %.2f | %.2f | %.1f |

        `write_timestamp` is set when the journal takes the write, before its transaction
        commits, so the delay includes the commit; it has millisecond resolution (±1 ms).
        """, n, PARALLEL, delays.size(), notEnded, p.p50(), p.p90(), p.p99(), p.max()));
  }

  private static String start(Harness h) throws Exception {
    HttpResponse<String> r = h.load().send(h.load().post(
        "/api/v1/workflows/bench-sse/execute", "{\"input\":" + Workflows.P3_INPUT + "}"));
    Load.Outcome o = Load.accepted(r);
    if (!o.ok()) {
      throw new IllegalStateException("start of bench-sse: " + o.error() + " " + r.body());
    }
    return o.executionId();
  }

  /** Reads the stream until a terminal event (or 15 s), noting when each event arrived. */
  private static Followed follow(Harness h, String executionId) throws Exception {
    HttpResponse<Stream<String>> r = h.load().lines("/api/v1/executions/" + executionId
        + "/events", "text/event-stream");
    long opened = micros();
    String type = r.headers().firstValue("Content-Type").orElse("");
    if (r.statusCode() != 200 || !type.startsWith("text/event-stream")) {
      r.body().close();
      throw new Unavailable("GET /api/v1/executions/{id}/events answered " + r.statusCode()
          + " " + type);
    }
    var arrivals = new LinkedHashMap<Long, Long>();
    boolean ended = false;
    ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    try (Stream<String> lines = r.body()) {
      watchdog.schedule(lines::close, 15, TimeUnit.SECONDS);
      Long id = null;
      boolean terminal = false;
      for (var it = lines.iterator(); it.hasNext(); ) {
        String line = it.next();
        if (line.startsWith("id:")) {
          id = Long.parseLong(line.substring(3).trim());
        } else if (line.startsWith("event:") || line.startsWith("data:")) {
          terminal |= TERMINAL.matcher(line).find();
        } else if (line.isEmpty()) {
          if (id != null) {
            arrivals.putIfAbsent(id, micros());
          }
          if (terminal) {
            ended = true;
            break;
          }
          id = null;
        }
      }
    } catch (RuntimeException e) {
      // The watchdog closed the stream: what arrived so far counts, the rest is "not ended".
    } finally {
      watchdog.shutdownNow();
    }
    return new Followed(executionId, opened, arrivals, ended);
  }

  /** Wall-clock microseconds (the journal's timestamps are wall-clock milliseconds). */
  private static long micros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
  }
}
