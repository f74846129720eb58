package io.ordo.bench.workload;

import static io.ordo.bench.Fmt.f0;
import static io.ordo.bench.Fmt.f2;
import static io.ordo.bench.Fmt.ratio;

import io.ordo.bench.ClosedLoop;
import io.ordo.bench.Fmt;
import io.ordo.bench.Harness;
import io.ordo.bench.JournalProbe;
import io.ordo.bench.Load;
import io.ordo.bench.Percentiles;
import io.ordo.bench.Results;
import io.ordo.bench.Workload;
import io.ordo.bench.jmh.Workflows;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;

/**
 * The standard workload: 3 sequential no-op {@code DATA_TRANSFORM} steps, ~100-byte input,
 * started with {@code ?wait=PT30S} so the 200 answer is the completion. Closed loop at 1, 8 and
 * 32 in flight.
 */
public final class P3Workload implements Workload {

  public static final String WORKFLOW = "bench-p3";
  public static final String PATH = "/api/v1/workflows/" + WORKFLOW + "/execute?wait=PT30S";
  public static final String BODY = "{\"input\":" + Workflows.P3_INPUT + "}";
  /** Durable peer engines on this kind of machine with this workload (issue 5). */
  static final double RESTATE = 195;
  static final int[] LEVELS = {1, 8, 32};

  @Override
  public String name() {
    return "p3";
  }

  @Override
  public String title() {
    return "P3 closed loop";
  }

  @Override
  public Needs needs() {
    return Needs.NODE;
  }

  public static void ensureWorkflow(Harness h) throws Exception {
    h.ensureWorkflow(Workflows.sequence(WORKFLOW, 3));
  }

  @Override
  public void run(Harness h) throws Exception {
    ensureWorkflow(h);
    Results r = h.results();
    r.put("p3Input", Map.of("json", Workflows.P3_INPUT, "bytes",
        Workflows.P3_INPUT.getBytes(StandardCharsets.UTF_8).length));
    double ceiling = h.figures().baselineBatch4;
    var runs = new ArrayList<Map<String, Object>>();
    for (int level : LEVELS) {
      ClosedLoop.Measured c = ClosedLoop.run(h, "P3", PATH, BODY, Load::completed, level,
          h.options().warmup(), h.options().measured(), true);
      h.figures().p3.put(level, c);
      runs.add(c.toMap());
      String w = "P3 closed, " + level + " in flight";
      r.row(w, "completed executions/s", f0(c.throughput()), "peers 70–195/s",
          ratio(c.throughput() / RESTATE) + " of Restate");
      r.row(w, "latency p50 / p90 / p99 / max (ms)", Fmt.latency(c.latency()));
      r.row(w, "errors", c.run().errors() + " of " + c.run().requested());
      r.row(w, "journal events/s", f0(c.eventsPerSecond()),
          f0(ceiling) + " events/s (raw PG, batches of 100, 4 conn.)",
          ratio(c.eventsPerSecond() / ceiling));
      r.row(w, "CPU-s per 1,000 executions: engine / database",
          f2(c.perThousand(c.nodeCpu())) + " / " + f2(c.perThousand(c.dbCpu())));
      r.row(w, "WAL commits / heap-row changes per execution",
          f2(c.walCommitsPerExecution()) + " / " + f2(c.walRowsPerExecution()));
      if (c.pgStat() != null) {
        r.row(w, "pg_stat_database xact_commit / tuples per execution, net of idle",
            f2(c.pgStat().commitsNetPerExecution()) + " / " + f2(c.pgStat().rowsNetPerExecution()));
      }
    }
    r.put("p3", runs);
    goals(h);
    r.section("P3: three no-op steps", table(h));
    ClosedLoop.Measured one = h.figures().p3.get(1);
    if (one.journal() != null) {
      r.row("P3", "events per execution (journal); journal transactions per execution",
          f2(one.journal().eventsPerExecution()) + "; " + f2(one.journal().writesPerExecution()));
      r.put("p3OneExecution", one.journal().oneExecution());
      r.block("events", events(one));
    }
  }

  private static void goals(Harness h) {
    ClosedLoop.Measured at32 = h.figures().p3.get(32);
    ClosedLoop.Measured at1 = h.figures().p3.get(1);
    h.results().goal(Results.Goal.P3_THROUGHPUT, f0(at32.throughput()) + " executions/s ("
        + ratio(at32.throughput() / 1000) + " of the goal)", at32.throughput() >= 1000
        && at32.run().errors() == 0);
    Percentiles l = at1.latency();
    h.results().goal(Results.Goal.P3_LATENCY, "p50 " + f2(l.p50()) + " ms, p99 " + f2(l.p99())
        + " ms", l.p50() < 10 && l.p99() < 25 && at1.run().errors() == 0);
  }

  private static String table(Harness h) {
    var md = new StringBuilder("""
        3 sequential `DATA_TRANSFORM` steps returning a constant, %d-byte input, started with
        `POST /api/v1/workflows/bench-p3/execute?wait=PT30S`: the `200` answer is the
        completion. Closed loop: %d warm-up executions, then %d measured, per level. Latency is
        from the client's call to the answer. CPU from `/proc/<pid>/stat`: the node's JVM, and
        the postmaster with all its children (backends, WAL writer, checkpointer). Commits and
        heap-row changes from the WAL of the measured window (`pg_walinspect`); `pg_stat_database`
        (xact_commit counts read-only transactions too) and `pg_stat_wal` fsyncs over warm-up +
        measured, read after the counters settled, net of the idle node's background rate.

        | in flight | exec/s | p50 ms | p90 ms | p99 ms | max ms | errors | CPU-s/1k engine | CPU-s/1k db | cores busy engine / db / client | WAL commits/exec | WAL rows/exec | xact_commit/exec net | tuples/exec net | WAL fsyncs/exec | events/s | ÷ baseline |
        |---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
        """.formatted(Workflows.P3_INPUT.length(), h.options().warmup(),
        h.options().measured()));
    for (var e : h.figures().p3.entrySet()) {
      ClosedLoop.Measured c = e.getValue();
      Percentiles l = c.latency();
      double s = c.run().seconds();
      ClosedLoop.PgStat p = c.pgStat();
      md.append(String.format(Locale.ROOT,
          "| %d | %s | %.2f | %.2f | %.2f | %.1f | %d | %.2f | %.2f | %.2f / %.2f / %.2f |"
              + " %.2f | %.2f | %s | %s | %s | %s | %s |%n",
          e.getKey(), f0(c.throughput()), l.p50(), l.p90(), l.p99(), l.max(), c.run().errors(),
          c.perThousand(c.nodeCpu()), c.perThousand(c.dbCpu()), c.nodeCpu() / s,
          c.dbCpu() / s, c.clientCpu() / s, c.walCommitsPerExecution(),
          c.walRowsPerExecution(), p == null ? "n/a" : f2(p.commitsNetPerExecution()),
          p == null ? "n/a" : f2(p.rowsNetPerExecution()),
          p == null ? "n/a" : f2(p.walSyncsPerExecution()), f0(c.eventsPerSecond()),
          ratio(c.eventsPerSecond() / h.figures().baselineBatch4)));
    }
    return md.toString();
  }

  private static String events(ClosedLoop.Measured one) {
    JournalProbe.Journal j = one.journal();
    return String.format(Locale.ROOT, """
        Measured in this run from the journal rows of %d executions of the 1-in-flight run:

        - **%.2f events per execution**, written in **%.2f journal transaction(s)** per
          execution (distinct `xmin` of its `event_journal` rows);
        - %.2f `event_tag` row per event, %.2f snapshots per execution, %.0f bytes of CBOR
          payload per event on average;
        - one execution's journal, in order: %s.
        """, j.sampled(), j.eventsPerExecution(), j.writesPerExecution(), j.tagRowsPerEvent(),
        j.snapshotsPerExecution(), j.payloadBytesPerEvent(), String.join(", ",
            j.oneExecution()));
  }
}
