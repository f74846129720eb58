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
 * Many executions parked in a 1-hour {@code WAIT}, on a node with its default settings: how long
 * starting them all takes, the heap after a full GC just after the last start (those started
 * within {@code passivate-when-idle} still in memory), and once all have passivated. The two
 * heaps and the node's count of entities in memory give what one execution in memory costs.
 */
public final class ParkedWorkload implements Workload {

  static final String DEFINITION = """
      {"id": "bench-park", "steps": [{"id": "wait", "type": "WAIT", "duration": "PT1H"}]}""";
  static final Pattern HEAP = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");
  static final Pattern IN_MEMORY = Pattern.compile("(?m)^ordo_executions_in_memory\\S* (\\S+)$");
  /** Starting stops after this long, so the full suite keeps to its 15 minutes. */
  static final Duration START_BUDGET = Duration.ofSeconds(390);
  /** Longer than passivate-when-idle (30 s) plus sharding's passivation check. */
  static final Duration PASSIVATION_WAIT = Duration.ofSeconds(120);
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

  /** The node's {@code ordo_executions_in_memory} gauge. */
  public static long parseInMemory(String metrics) {
    Matcher m = IN_MEMORY.matcher(metrics);
    if (!m.find()) {
      throw new IllegalStateException("no ordo_executions_in_memory in /metrics");
    }
    return Math.round(Double.parseDouble(m.group(1)));
  }

  private static long inMemory(Harness h) throws Exception {
    return parseInMemory(h.load().get("/metrics").body());
  }

  private static Heap heapAfterFullGc(Harness h) {
    String pid = String.valueOf(h.node().pid());
    Machine.jdkTool("jcmd", pid, "GC.run");
    return parseHeap(Machine.jdkTool("jcmd", pid, "GC.heap_info"));
  }

  /** Parked rows of {@code execution_wakeups}: executions only a timer or a command moves on. */
  private static long parkedRows(Harness h) throws SQLException {
    try (Statement s = h.db().ordo().createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM execution_wakeups WHERE parked")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void run(Harness h) throws Exception {
    h.ensureWorkflow(DEFINITION);
    int n = h.options().parked();
    Heap before = heapAfterFullGc(h);
    long heldBefore = inMemory(h);
    long rowsBefore = parkedRows(h);
    HttpRequest start = h.load().post("/api/v1/workflows/bench-park/execute",
        "{\"input\":" + Workflows.P3_INPUT + "}");
    Harness.Snap s0 = h.snap();
    Starts run = startAll(h, start, n, h.quick() ? Duration.ofMinutes(2) : START_BUDGET);
    Harness.Snap s1 = h.snap();
    long lastStart = System.nanoTime();
    if (run.requested() < n) {
      h.results().note(String.format(Locale.ROOT, "parked: started %,d of %,d within the"
          + " %d s budget", run.requested(), n, START_BUDGET.toSeconds()));
      n = run.requested();
    }
    Harness.log("parked: %d started in %.1f s (%.0f/s), %d errors", run.ok(), run.seconds(),
        run.throughput(), run.errors());
    // The wake-up index follows the journal; wait until every one is parked there.
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    long rows = parkedRows(h);
    while (rows - rowsBefore < run.ok() && System.nanoTime() < deadline) {
      Harness.pause(Duration.ofMillis(500));
      rows = parkedRows(h);
    }
    double indexLag = (System.nanoTime() - lastStart) / 1e9;
    Heap fresh = heapAfterFullGc(h);
    long heldFresh = inMemory(h);
    Harness.log("parked: %d parked rows %.1f s after the last start; %d in memory, heap %.0f MiB"
        + " (before %.0f MiB)", rows, indexLag, heldFresh, fresh.usedMiB(), before.usedMiB());
    deadline = System.nanoTime() + PASSIVATION_WAIT.toNanos();
    long held = heldFresh;
    while (held > heldBefore && System.nanoTime() < deadline) {
      Harness.pause(Duration.ofSeconds(1));
      held = inMemory(h);
    }
    Heap passivated = heapAfterFullGc(h);
    Harness.log("parked: %d in memory after passivation, heap %.0f MiB", held,
        passivated.usedMiB());
    double perEntityKiB = heldFresh > held
        ? (fresh.usedMiB() - passivated.usedMiB()) * 1024 / (heldFresh - held) : Double.NaN;
    double perParkedKiB = (passivated.usedMiB() - before.usedMiB()) * 1024 / Math.max(1, n);
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
    m.put("parkedRowsBefore", rowsBefore);
    m.put("parkedRows", rows);
    m.put("secondsUntilIndexed", indexLag);
    m.put("heapBefore", before);
    m.put("heapAfterLastStart", fresh);
    m.put("inMemoryAfterLastStart", heldFresh);
    m.put("heapPassivated", passivated);
    m.put("inMemoryPassivated", held);
    m.put("heapKiBPerEntityInMemory", perEntityKiB);
    m.put("heapKiBPerParkedExecution", perParkedKiB);
    h.results().put("parked", m);
    String w = String.format(Locale.ROOT, "%,d parked in WAIT PT1H", n);
    h.results().row(w, "time to start them all (s); starts/s", f1(run.seconds()) + "; "
        + f0(run.throughput()));
    h.results().row(w, "heap used after full GC, all parked and passivated (MiB)",
        f0(passivated.usedMiB()), f0(before.usedMiB()) + " MiB before",
        "+" + f0(passivated.usedMiB() - before.usedMiB()) + " MiB");
    h.results().row(w, "heap per execution held in memory (KiB), from " + heldFresh
        + " held after the last start", f1(perEntityKiB));
    double allInMemory = before.usedMiB() + perEntityKiB * 100_000 / 1024;
    h.results().goal(Results.Goal.PARKED_HEAP, String.format(Locale.ROOT,
        "%,d parked: %.0f MiB used once passivated (default settings); all 100,000 held in"
            + " memory would be about %.0f MiB (%.1f KiB each)", n, passivated.usedMiB(),
        allInMemory, perEntityKiB), n == 100_000 && passivated.usedMiB() < Results.ONE_GB_MIB
        && run.errors() == 0);
    h.results().section("Parked executions", String.format(Locale.ROOT, """
        %,d executions of a single `WAIT PT1H`, started without waiting (`202`) at 64 in flight,
        on the node as configured by default: an execution with nothing running writes
        `ExecutionParked`, its `execution_wakeups` row parks at its timer, and the entity leaves
        memory after `passivate-when-idle` (30 s). Heap figures are after a full GC (`jcmd <pid>
        GC.run`, then `GC.heap_info`); the node's JVM flags `%s`. "In memory" is the node's
        `ordo_executions_in_memory` gauge. What one execution costs while held is the heap
        difference between just after the last start and after passivation, divided by the
        entities that left memory in between.

        | figure | value |
        |---|---|
        | started / errors | %,d / %d |
        | time to start them all | **%.1f s** (%.0f starts/s; p50 %.2f ms, p99 %.2f ms per start) |
        | engine / database CPU-s per 1,000 starts | %.2f / %.2f |
        | parked `execution_wakeups` rows before → after (all parked %.1f s after the last start) | %,d → %,d |
        | heap used before | %.0f MiB |
        | just after the last start: held in memory, heap used | %,d, %.0f MiB |
        | all passivated: held in memory, heap used | %,d, **%.0f MiB** (%.2f KiB per parked execution) |
        | heap per execution held in memory | %.1f KiB (all 100,000 held: about %.0f MiB) |
        """, n, String.join(" ", h.nodeFlags()), run.ok(), run.errors(),
        run.seconds(), run.throughput(), run.latency().p50(), run.latency().p99(), engineCpu,
        dbCpu, indexLag, rowsBefore, rows, before.usedMiB(), heldFresh, fresh.usedMiB(), held,
        passivated.usedMiB(), perParkedKiB, perEntityKiB, allInMemory));
    if (run.errors() > 0) {
      h.results().note("parked: " + run.errors() + " starts failed " + run.errorKinds());
    }
  }
}
