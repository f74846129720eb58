package io.ordo.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A closed-loop run (warm-up, then measured) with what it cost: CPU of the node, the database
 * and the load generator from /proc, the WAL of the measured window, {@code pg_stat_database}
 * around warm-up + measured, and what the journal holds for the executions.
 */
public final class ClosedLoop {

  /** pg_stat_database counters reach the view up to 10 s after a backend goes idle. */
  static final Duration STATS_SETTLE = Duration.ofSeconds(11);

  /** {@code pg_stat_database} over warm-up + measured, read after the counters settled. */
  public record PgStat(long executions, double seconds, long commits, long rows,
      double commitsNet, double rowsNet, long walSyncs) {
    /** WAL fsyncs per execution (pg_stat_wal, whole server): proof that commits wait on disk. */
    public double walSyncsPerExecution() {
      return (double) walSyncs / executions;
    }

    public double commitsPerExecution() {
      return (double) commits / executions;
    }

    public double rowsPerExecution() {
      return (double) rows / executions;
    }

    public double commitsNetPerExecution() {
      return commitsNet / executions;
    }

    public double rowsNetPerExecution() {
      return rowsNet / executions;
    }
  }

  /** A run's figures; {@code pgStat} and {@code journal} may be null (not read). */
  public record Measured(String workload, Load.Run run, double nodeCpu, double dbCpu,
      double clientCpu, Database.WalStats wal, PgStat pgStat, JournalProbe.Journal journal) {

    /** CPU-seconds per 1,000 completed executions. */
    public double perThousand(double cpuSeconds) {
      return run.ok() == 0 ? Double.NaN : cpuSeconds / run.ok() * 1000;
    }

    public double throughput() {
      return run.throughput();
    }

    public Percentiles latency() {
      return run.latency();
    }

    /** Journal events written per second: executions/s × events per execution. */
    public double eventsPerSecond() {
      return journal == null ? Double.NaN : run.throughput() * journal.eventsPerExecution();
    }

    public double walCommitsPerExecution() {
      return run.ok() == 0 ? Double.NaN : (double) wal.commits() / run.ok();
    }

    public double walRowsPerExecution() {
      return run.ok() == 0 ? Double.NaN : (double) wal.heapRowChanges() / run.ok();
    }

    public Map<String, Object> toMap() {
      var m = new LinkedHashMap<String, Object>();
      m.put("workload", workload);
      m.put("concurrency", run.concurrency());
      m.put("requested", run.requested());
      m.put("completed", run.ok());
      m.put("errors", run.errors());
      m.put("errorKinds", run.errorKinds());
      m.put("seconds", run.seconds());
      m.put("executionsPerSecond", run.throughput());
      m.put("latencyMs", run.latency());
      m.put("cpuSecondsPer1000", Map.of("engine", perThousand(nodeCpu), "database",
          perThousand(dbCpu), "loadGenerator", perThousand(clientCpu)));
      m.put("cpuCoresBusy", Map.of("engine", nodeCpu / run.seconds(), "database",
          dbCpu / run.seconds(), "loadGenerator", clientCpu / run.seconds()));
      m.put("wal", Map.of("commitsPerExecution", walCommitsPerExecution(),
          "heapRowChangesPerExecution", walRowsPerExecution(),
          "bytesPerExecution", run.ok() == 0 ? Double.NaN : (double) wal.bytes() / run.ok()));
      if (pgStat != null) {
        m.put("pgStatDatabase", Map.of("executions", pgStat.executions(),
            "windowSeconds", pgStat.seconds(),
            "xactCommitPerExecution", pgStat.commitsPerExecution(),
            "tupleChangesPerExecution", pgStat.rowsPerExecution(),
            "xactCommitPerExecutionNetOfIdle", pgStat.commitsNetPerExecution(),
            "tupleChangesPerExecutionNetOfIdle", pgStat.rowsNetPerExecution(),
            "walSyncsPerExecution", pgStat.walSyncsPerExecution()));
      }
      if (journal != null) {
        m.put("journal", journal);
      }
      m.put("eventsPerSecond", eventsPerSecond());
      return m;
    }
  }

  private ClosedLoop() {}

  /**
   * {@code warmup} then {@code count} requests with {@code concurrency} in flight. With
   * {@code pgStat} (and not --quick) it waits for pg_stat_database to settle afterwards.
   */
  public static Measured run(Harness h, String workload, String path, String body,
      Load.Check check, int concurrency, int warmup, int count, boolean pgStat)
      throws Exception {
    Load load = h.load();
    HttpRequest request = load.post(path, body);
    Database.Counters pgBefore = h.db().counters();
    long pgT0 = System.nanoTime();
    Duration timeout = Duration.ofSeconds(120 + count / 20);
    if (warmup > 0) {
      Load.Run w = load.closed(workload + " warm-up", request, check, concurrency, warmup,
          timeout);
      if (w.errors() > 0) {
        h.results().note(workload + " @" + concurrency + ": " + w.errors()
            + " errors in warm-up " + w.errorKinds());
      }
    }
    Harness.Snap before = h.snap();
    Load.Run run = load.closed(workload, request, check, concurrency, count, timeout);
    Harness.Snap after = h.snap();
    Database.WalStats wal = h.db().walBetween(before.counters(), after.counters());
    PgStat stat = null;
    if (pgStat && !h.quick()) {
      Harness.pause(STATS_SETTLE);
      Database.Counters pgAfter = h.db().counters();
      double s = (System.nanoTime() - pgT0) / 1e9;
      long commits = pgAfter.xactCommit() - pgBefore.xactCommit();
      long rows = Database.rowChanges(pgAfter) - Database.rowChanges(pgBefore);
      Harness.Figures f = h.figures();
      stat = new PgStat(warmup + count, s, commits, rows,
          commits - f.idleCommitsPerSecond * s, rows - f.idleRowsPerSecond * s,
          pgAfter.walSyncs() - pgBefore.walSyncs());
    }
    JournalProbe.Journal journal = run.ids().isEmpty() ? null
        : new JournalProbe(h.db().ordo()).sample(run.ids());
    var m = new Measured(workload, run, after.nodeCpu() - before.nodeCpu(),
        after.dbCpu() - before.dbCpu(), after.clientCpu() - before.clientCpu(), wal, stat,
        journal);
    Harness.log("%s @%d: %.0f/s, p50 %.2f p99 %.2f max %.1f ms, %d errors, CPU-s/1000 engine"
            + " %.2f db %.2f, %.2f commits/exec (WAL)", workload, concurrency, run.throughput(),
        run.latency().p50(), run.latency().p99(), run.latency().max(), run.errors(),
        m.perThousand(m.nodeCpu()), m.perThousand(m.dbCpu()), m.walCommitsPerExecution());
    if (run.errors() > 0) {
      h.results().note(workload + " @" + concurrency + ": " + run.errors() + " errors "
          + run.errorKinds());
    }
    return m;
  }
}
