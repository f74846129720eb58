package io.ordo.bench.workload;

import static io.ordo.bench.Fmt.f1;

import io.ordo.bench.Database;
import io.ordo.bench.Harness;
import java.time.Duration;
import java.util.LinkedHashMap;

/**
 * The idle node's background cost (wake-up pollers, projections polling the journal), measured
 * before any load so the per-execution database figures can be given net of it.
 */
public final class IdleNode {

  private static final Duration SETTLE = Duration.ofSeconds(6);
  private static final Duration WINDOW = Duration.ofSeconds(8);

  private IdleNode() {}

  public static void measure(Harness h) throws Exception {
    Duration settle = h.quick() ? Duration.ofSeconds(2) : SETTLE;
    Duration window = h.quick() ? Duration.ofSeconds(3) : WINDOW;
    // pg_stat_database counters of the node's start (migrations) must reach the view first.
    Harness.pause(settle);
    Harness.Snap a = h.snap();
    Harness.pause(window);
    Harness.Snap b = h.snap();
    double s = (b.nanos() - a.nanos()) / 1e9;
    Harness.Figures f = h.figures();
    f.idleCommitsPerSecond = (b.counters().xactCommit() - a.counters().xactCommit()) / s;
    f.idleRowsPerSecond = (Database.rowChanges(b.counters())
        - Database.rowChanges(a.counters())) / s;
    double nodeCpu = 100 * (b.nodeCpu() - a.nodeCpu()) / s;
    double dbCpu = 100 * (b.dbCpu() - a.dbCpu()) / s;
    var idle = new LinkedHashMap<String, Object>();
    idle.put("seconds", s);
    idle.put("commitsPerSecond", f.idleCommitsPerSecond);
    idle.put("rowsPerSecond", f.idleRowsPerSecond);
    idle.put("nodeCpuPercent", nodeCpu);
    idle.put("dbCpuPercent", dbCpu);
    h.results().put("idle", idle);
    h.results().row("idle node", "CPU % of one core: engine / database",
        f1(nodeCpu) + " / " + f1(dbCpu));
    h.results().row("idle node", "pg_stat_database xact_commit/s (background polling)",
        f1(f.idleCommitsPerSecond));
    Harness.log("idle node: %.1f%% / %.1f%% CPU (engine / db), %.1f commits/s", nodeCpu, dbCpu,
        f.idleCommitsPerSecond);
  }
}
