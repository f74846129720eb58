package io.ordo.bench.workload;

import io.ordo.bench.ClosedLoop;
import io.ordo.bench.Harness;
import io.ordo.bench.Load;
import io.ordo.bench.Percentiles;
import io.ordo.bench.Workload;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * P3 at fixed arrival rates: requests go out on schedule whatever the answers, and latency
 * counts from when each was due, so queueing shows. The rates are fractions of the closed-loop
 * throughput at 32 in flight (the saturation point), climbing until the node cannot keep up.
 */
public final class OpenLoopWorkload implements Workload {

  static final double[] FRACTIONS = {0.1, 0.25, 0.5, 0.7, 0.85, 1.0, 1.2};
  static final double[] FIXED = {25, 50, 100, 150, 200, 300, 400, 600, 800};
  static final int MAX_OUTSTANDING = 512;

  @Override
  public String name() {
    return "open";
  }

  @Override
  public String title() {
    return "P3 open loop";
  }

  @Override
  public Needs needs() {
    return Needs.NODE;
  }

  /** The offered rates: fractions of the saturation throughput, or a fixed ladder without it. */
  static List<Double> rates(double saturation) {
    var rates = new ArrayList<Double>();
    if (Double.isNaN(saturation) || saturation <= 0) {
      for (double r : FIXED) {
        rates.add(r);
      }
      return rates;
    }
    for (double f : FRACTIONS) {
      double r = Math.max(5, Math.round(saturation * f / 5.0) * 5.0);
      if (rates.isEmpty() || r > rates.get(rates.size() - 1)) {
        rates.add(r);
      }
    }
    return rates;
  }

  @Override
  public void run(Harness h) throws Exception {
    P3Workload.ensureWorkflow(h);
    HttpRequest request = h.load().post(P3Workload.PATH, P3Workload.BODY);
    ClosedLoop.Measured at32 = h.figures().p3.get(32);
    double saturation = at32 == null ? Double.NaN : at32.throughput();
    double seconds = h.quick() ? 1 : 4;
    int minimum = h.quick() ? 30 : 200;
    var md = new StringBuilder(String.format(Locale.ROOT, """
        P3 at fixed arrival rates (%s). Each rate runs for max(%d requests, %.0f s); requests go
        out on schedule whatever the answers, latency counts from when each was due, at most
        %d outstanding (a request due beyond that counts as an error). The ladder stops at the
        first rate that saturates: achieved < 95%% of offered, errors > 0.5%%, or p99 > 500 ms.

        | offered/s | achieved/s | p50 ms | p90 ms | p99 ms | max ms | errors | cores busy engine / db / client | saturated |
        |---|---|---|---|---|---|---|---|---|
        """, Double.isNaN(saturation) ? "a fixed ladder: the closed-loop run at 32 in flight"
            + " did not run" : String.format(Locale.ROOT, "fractions of the closed-loop"
            + " throughput at 32 in flight, %.0f/s", saturation), minimum, seconds,
        MAX_OUTSTANDING));
    var runs = new ArrayList<Map<String, Object>>();
    double sustained = Double.NaN;
    Percentiles atSustained = null;
    for (double rate : rates(saturation)) {
      int count = (int) Math.max(minimum, rate * seconds);
      Harness.Snap before = h.snap();
      Load.Run run = h.load().open("P3 open", request, Load::completed, rate, count,
          MAX_OUTSTANDING, Duration.ofSeconds(90));
      Harness.Snap after = h.snap();
      double s = (after.nanos() - before.nanos()) / 1e9;
      Percentiles l = run.latency();
      boolean saturated = run.throughput() < 0.95 * rate || run.errors() > 0.005 * count
          || !(l.p99() <= 500);
      var m = new LinkedHashMap<String, Object>();
      m.put("offeredPerSecond", rate);
      m.put("achievedPerSecond", run.throughput());
      m.put("requests", count);
      m.put("errors", run.errors());
      m.put("errorKinds", run.errorKinds());
      m.put("latencyMs", l);
      m.put("engineCores", (after.nodeCpu() - before.nodeCpu()) / s);
      m.put("databaseCores", (after.dbCpu() - before.dbCpu()) / s);
      m.put("clientCores", (after.clientCpu() - before.clientCpu()) / s);
      m.put("saturated", saturated);
      runs.add(m);
      md.append(String.format(Locale.ROOT,
          "| %.0f | %.0f | %.2f | %.2f | %.2f | %.1f | %d | %.2f / %.2f / %.2f | %s |%n", rate,
          run.throughput(), l.p50(), l.p90(), l.p99(), l.max(), run.errors(),
          (after.nodeCpu() - before.nodeCpu()) / s, (after.dbCpu() - before.dbCpu()) / s,
          (after.clientCpu() - before.clientCpu()) / s, saturated ? "**yes**" : "no"));
      Harness.log("open loop %.0f/s: achieved %.0f/s, p50 %.2f p99 %.2f ms, %d errors%s", rate,
          run.throughput(), l.p50(), l.p99(), run.errors(), saturated ? " (saturated)" : "");
      if (saturated) {
        break;
      }
      sustained = rate;
      atSustained = l;
    }
    h.results().put("openLoop", runs);
    h.results().row(title(), "highest offered rate sustained (p99 ≤ 500 ms, no loss)",
        (Double.isNaN(sustained) ? "none" : String.format(Locale.ROOT, "%.0f/s", sustained))
            + (atSustained == null ? "" : String.format(Locale.ROOT, ", p50 / p99 %.2f / %.2f ms",
            atSustained.p50(), atSustained.p99())));
    h.results().section("P3 open loop: where latency bends", md.toString());
  }
}
