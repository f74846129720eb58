package io.ordo.bench.workload;

import static io.ordo.bench.Fmt.f0;

import io.ordo.bench.Baseline;
import io.ordo.bench.Harness;
import io.ordo.bench.Workload;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The ceiling: how fast the same PostgreSQL takes journal-shaped rows (journal row + tag row),
 * in batches of 100 and as single-row commits, on 1 and 4 connections. Runs before the node
 * starts, so nothing else writes.
 */
public final class BaselineWorkload implements Workload {

  @Override
  public String name() {
    return "baseline";
  }

  @Override
  public String title() {
    return "baseline: raw PostgreSQL";
  }

  @Override
  public Needs needs() {
    return Needs.DATABASE;
  }

  @Override
  public void run(Harness h) throws Exception {
    double warm = h.quick() ? 0.5 : 1.0;
    double measure = h.quick() ? 1.5 : 5.0;
    List<Baseline.Result> results = new Baseline(h.db(), warm, measure).runAll();
    h.results().put("baseline", results);
    var md = new StringBuilder("""
        Journal-shaped rows into a scratch copy of `event_journal` + `event_tag` (the columns,
        keys, indexes and foreign key of engine-runtime's `db/engine/V1__journal.sql`) in a
        separate database on the same server, written as pekko-persistence-jdbc writes tagged
        events: insert the journal rows returning `ordering`, then one tag row each, one
        transaction per batch. %d-byte payloads, 5 rows per persistence id, %.1f s measured
        after %.1f s of warm-up per mode. A row here is one journal row **with** its tag row,
        i.e. one event.

        | mode | connections | events/s | commits/s |
        |---|---|---|---|
        """.formatted(Baseline.PAYLOAD_BYTES, measure, warm));
    Harness.Figures f = h.figures();
    for (Baseline.Result b : results) {
      md.append("| ").append(b.mode()).append(" | ").append(b.connections()).append(" | ")
          .append(f0(b.rowsPerSecond())).append(" | ").append(f0(b.commitsPerSecond()))
          .append(" |\n");
      h.results().row(title(), b.mode() + ", " + b.connections() + " conn.: events/s",
          f0(b.rowsPerSecond()));
      if (b.batchSize() > 1) {
        if (b.connections() == 1) {
          f.baselineBatch1 = b.rowsPerSecond();
        } else {
          f.baselineBatch4 = b.rowsPerSecond();
        }
      } else if (b.connections() == 1) {
        f.baselineSingle1 = b.rowsPerSecond();
      } else {
        f.baselineSingle4 = b.rowsPerSecond();
      }
    }
    md.append("""

        Every events/s figure of the engine below is also given as a ratio to the batches of
        100 on 4 connections: the most this server takes in this shape.
        """);
    h.results().section("Baseline: raw PostgreSQL", md.toString());
    Harness.log("baseline: " + results.stream().map(b -> b.mode() + "@" + b.connections() + "="
        + f0(b.rowsPerSecond())).collect(Collectors.joining(", ")));
  }
}
