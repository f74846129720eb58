package io.ordo.bench.workload;

import static io.ordo.bench.Fmt.f0;
import static io.ordo.bench.Fmt.f1;
import static io.ordo.bench.Fmt.f2;
import static io.ordo.bench.Fmt.ratio;

import io.ordo.bench.ClosedLoop;
import io.ordo.bench.Fmt;
import io.ordo.bench.Harness;
import io.ordo.bench.Load;
import io.ordo.bench.Percentiles;
import io.ordo.bench.Workload;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** One {@code FOR_EACH} over 100 items at concurrency 10, at 1 and 8 executions in flight. */
public final class ForEachWorkload implements Workload {

  static final String DEFINITION = """
      {"id": "bench-foreach", "steps": [{"id": "each", "type": "FOR_EACH",
        "items": "${ .input.items }", "concurrency": 10,
        "step": {"type": "DATA_TRANSFORM", "expression": "${ .item * 2 }"}}]}""";

  @Override
  public String name() {
    return "foreach";
  }

  @Override
  public String title() {
    return "FOR_EACH 100 items × 10";
  }

  @Override
  public Needs needs() {
    return Needs.NODE;
  }

  @Override
  public void run(Harness h) throws Exception {
    h.ensureWorkflow(DEFINITION);
    String items = IntStream.range(0, 100).mapToObj(Integer::toString)
        .collect(Collectors.joining(",", "[", "]"));
    String body = "{\"input\":{\"items\":" + items + "}}";
    String path = "/api/v1/workflows/bench-foreach/execute?wait=PT30S";
    int warm = h.quick() ? 5 : 30;
    ClosedLoop.Measured single = ClosedLoop.run(h, "FOR_EACH", path, body, Load::completed, 1,
        warm, h.quick() ? 20 : 120, false);
    ClosedLoop.Measured eight = ClosedLoop.run(h, "FOR_EACH", path, body, Load::completed, 8,
        warm, h.quick() ? 40 : 240, false);
    h.results().put("forEach", List.of(single.toMap(), eight.toMap()));
    var md = new StringBuilder("""
        One `FOR_EACH` over 100 items (from the input) at concurrency 10, the item step a
        `DATA_TRANSFORM` (`${ .item * 2 }`), started with `?wait=PT30S`.

        | in flight | exec/s | items/s | p50 ms | p90 ms | p99 ms | max ms | errors | engine CPU-s/1k | db CPU-s/1k | events/exec | journal transactions/exec | snapshots/exec | events/s | ÷ baseline |
        |---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
        """);
    double ceiling = h.figures().baselineBatch4;
    for (ClosedLoop.Measured c : List.of(single, eight)) {
      Percentiles l = c.latency();
      String w = title() + ", " + c.run().concurrency() + " in flight";
      h.results().row(w, "completed executions/s (items/s)", f1(c.throughput()) + " ("
          + f0(c.throughput() * 100) + ")");
      h.results().row(w, "latency p50 / p90 / p99 / max (ms)", Fmt.latency(l));
      h.results().row(w, "journal events/s", f0(c.eventsPerSecond()), f0(ceiling)
          + " events/s (raw PG)", ratio(c.eventsPerSecond() / ceiling));
      md.append(String.format(Locale.ROOT,
          "| %d | %s | %s | %.2f | %.2f | %.2f | %.1f | %d | %.2f | %.2f | %s | %s | %s | %s |"
              + " %s |%n",
          c.run().concurrency(), f1(c.throughput()), f0(c.throughput() * 100), l.p50(),
          l.p90(), l.p99(), l.max(), c.run().errors(), c.perThousand(c.nodeCpu()),
          c.perThousand(c.dbCpu()),
          c.journal() == null ? "n/a" : f1(c.journal().eventsPerExecution()),
          c.journal() == null ? "n/a" : f2(c.journal().writesPerExecution()),
          c.journal() == null ? "n/a" : f2(c.journal().snapshotsPerExecution()),
          f0(c.eventsPerSecond()), ratio(c.eventsPerSecond() / ceiling)));
    }
    if (single.journal() != null) {
      md.append("\nOne execution's journal: ").append(String.join(", ",
          single.journal().oneExecution())).append(".\n");
    }
    h.results().section("FOR_EACH of 100 items", md.toString());
  }
}
