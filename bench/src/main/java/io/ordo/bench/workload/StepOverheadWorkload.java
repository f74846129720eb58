package io.ordo.bench.workload;

import static io.ordo.bench.Fmt.f0;
import static io.ordo.bench.Fmt.f1;
import static io.ordo.bench.Fmt.f3;

import io.ordo.bench.ClosedLoop;
import io.ordo.bench.Fmt;
import io.ordo.bench.Harness;
import io.ordo.bench.Load;
import io.ordo.bench.Percentiles;
import io.ordo.bench.Results;
import io.ordo.bench.Workload;
import io.ordo.bench.jmh.Workflows;
import java.util.Locale;
import java.util.Map;

/**
 * Per-step overhead: a 1-step and a 10-step sequence of no-op {@code DATA_TRANSFORM}s, each
 * closed loop at 1 in flight; the difference divided by 9 is what one more step costs.
 */
public final class StepOverheadWorkload implements Workload {

  @Override
  public String name() {
    return "steps";
  }

  @Override
  public String title() {
    return "per-step overhead";
  }

  @Override
  public Needs needs() {
    return Needs.NODE;
  }

  @Override
  public void run(Harness h) throws Exception {
    h.ensureWorkflow(Workflows.sequence("bench-seq1", 1));
    h.ensureWorkflow(Workflows.sequence("bench-seq10", 10));
    // The node is warm from P3 by now; 600 samples at 1 in flight keep the suite in budget.
    int warmup = h.quick() ? h.options().warmup() : 100;
    int measured = h.quick() ? h.options().measured() : 600;
    ClosedLoop.Measured one = ClosedLoop.run(h, "1-step",
        "/api/v1/workflows/bench-seq1/execute?wait=PT30S", P3Workload.BODY, Load::completed, 1,
        warmup, measured, false);
    ClosedLoop.Measured ten = ClosedLoop.run(h, "10-step",
        "/api/v1/workflows/bench-seq10/execute?wait=PT30S", P3Workload.BODY, Load::completed, 1,
        warmup, measured, false);
    double p50 = (ten.latency().p50() - one.latency().p50()) / 9;
    double p99 = (ten.latency().p99() - one.latency().p99()) / 9;
    double cpu = (ten.perThousand(ten.nodeCpu()) - one.perThousand(one.nodeCpu())) / 9;
    Results r = h.results();
    r.put("steps", Map.of("oneStep", one.toMap(), "tenSteps", ten.toMap(),
        "perStepMs", Map.of("p50", p50, "p99", p99), "perStepEngineCpuMs", cpu));
    r.row("1-step, 1 in flight", "latency p50 / p90 / p99 / max (ms)",
        Fmt.latency(one.latency()));
    r.row("10-step, 1 in flight", "latency p50 / p90 / p99 / max (ms)",
        Fmt.latency(ten.latency()));
    r.row("per-step overhead", "(10-step − 1-step) ÷ 9 at p50 / p99 (ms)",
        f3(p50) + " / " + f3(p99));
    r.row("per-step overhead", "engine CPU per step (ms)", f3(cpu));
    // The goal is about a step's cost to the execution; the 10-step p99 itself is the bound a
    // single step's overhead cannot exceed, and is what we hold against 25 ms.
    r.goal(Results.Goal.STEP_OVERHEAD, "(10-step − 1-step) ÷ 9: p50 " + f3(p50) + " ms, p99 "
        + f3(p99) + " ms; 10-step p99 " + String.format(Locale.ROOT, "%.2f",
        ten.latency().p99()) + " ms", p99 < 25 && one.run().errors() + ten.run().errors() == 0);
    r.section("Per-step overhead", String.format(Locale.ROOT, """
        A 1-step and a 10-step sequence of `DATA_TRANSFORM` steps (constant), each run closed loop
        with 1 in flight (%d warm-up, %d measured), started with `?wait=PT30S`. The per-step
        overhead is the difference divided by 9.

        | workflow | exec/s | p50 ms | p90 ms | p99 ms | max ms | engine CPU-s/1k | db CPU-s/1k | events/exec | journal transactions/exec |
        |---|---|---|---|---|---|---|---|---|---|
        %s
        %s

        Per step: **%.3f ms at p50, %.3f ms at p99**, %.3f ms of engine CPU.
        """, warmup, measured, row("1 step", one), row("10 steps", ten), p50, p99, cpu));
  }

  private static String row(String name, ClosedLoop.Measured c) {
    Percentiles l = c.latency();
    return String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.1f | %.2f | %.2f | %s |"
            + " %s |", name, f0(c.throughput()), l.p50(), l.p90(), l.p99(), l.max(),
        c.perThousand(c.nodeCpu()), c.perThousand(c.dbCpu()),
        c.journal() == null ? "n/a" : f1(c.journal().eventsPerExecution()),
        c.journal() == null ? "n/a" : Fmt.f2(c.journal().writesPerExecution()));
  }
}
