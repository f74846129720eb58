package io.ordo.bench.workload;

import io.ordo.bench.ClosedLoop;
import io.ordo.bench.Harness;
import io.ordo.bench.JfrSummary;
import io.ordo.bench.Load;
import io.ordo.bench.Machine;
import io.ordo.bench.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * P3 at saturation (32 in flight) once more, with JFR recording the node ({@code jcmd JFR.start}
 * / {@code JFR.stop}): a run of its own, so the measured P3 figures carry no profiling cost. The
 * summary goes to {@code profile-p3.txt} next to the JSON and into the report.
 */
public final class ProfileWorkload implements Workload {

  static final int PROFILED = 800;

  @Override
  public String name() {
    return "profile";
  }

  @Override
  public String title() {
    return "P3 profile (JFR, 32 in flight)";
  }

  @Override
  public Needs needs() {
    return Needs.NODE;
  }

  @Override
  public void run(Harness h) throws Exception {
    P3Workload.ensureWorkflow(h);
    Path recording = h.work().resolve("p3-32.jfr");
    String pid = String.valueOf(h.node().pid());
    Machine.jdkTool("jcmd", pid, "JFR.start", "name=bench-p3", "settings=profile");
    ClosedLoop.Measured c;
    try {
      // JFR slows the node 2.5–3.5×: 800 executions give ~200 samples in ~12 s.
      c = ClosedLoop.run(h, "P3 (JFR)", P3Workload.PATH, P3Workload.BODY, Load::completed, 32,
          0, Math.min(PROFILED, h.options().measured()), false);
    } finally {
      Machine.jdkTool("jcmd", pid, "JFR.stop", "name=bench-p3", "filename=" + recording);
    }
    JfrSummary summary = JfrSummary.of(recording);
    double s = c.run().seconds();
    String header = String.format(Locale.ROOT, """
        Ordo node profile: P3 (3 inline no-op steps, ?wait=PT30S) closed loop, 32 in flight,
        %d executions (the node is warm from the P3 runs), JFR settings=profile.
        Node JVM: %s
        During the measured part: %.0f executions/s, p50 %.2f ms, p99 %.2f ms; engine %.2f cores,
        database %.2f cores, load generator %.2f cores busy (of %d).
        Recording: %s (not kept in git)""", c.run().requested(),
        String.join(" ", h.nodeFlags()), c.throughput(), c.latency().p50(), c.latency().p99(),
        c.nodeCpu() / s, c.dbCpu() / s, c.clientCpu() / s, h.machine().cpus(),
        h.options().root().relativize(recording));
    Path out = h.options().resultsDir().resolve("profile-p3.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, summary.render(header));
    var profile = new LinkedHashMap<String, Object>(summary.toMap());
    profile.put("run", c.toMap());
    h.results().put("profile", profile);
    h.results().row(title(), "completed executions/s while recording (JFR on)",
        String.format(Locale.ROOT, "%.0f", c.throughput()));
    h.results().block("profile", block(h, c, summary, out));
  }

  private static String block(Harness h, ClosedLoop.Measured c, JfrSummary summary, Path out) {
    String file = h.options().root().relativize(out).toString();
    var md = new StringBuilder(String.format(Locale.ROOT, """
        Recorded in this run: JFR (`settings=profile`) on the node during an extra P3 run at 32
        in flight (%.0f executions/s while recording; engine %.2f cores, database %.2f cores,
        load generator %.2f cores busy of %d). %d CPU samples of Java code; GC: %s. The full
        summary (stacks, threads, allocation sites) is in `%s`.

        """, c.throughput(), c.nodeCpu() / c.run().seconds(), c.dbCpu() / c.run().seconds(),
        c.clientCpu() / c.run().seconds(), h.machine().cpus(), summary.samples(),
        summary.gcLine(), file));
    table(md, "By component (the highest-priority part of the node on the sample's stack)",
        summary.byComponent());
    table(md, "By the nearest Ordo frame on the stack (what of ours caused the work)",
        summary.byOrdoFrame(12));
    table(md, "By package of the top frame (self time)", summary.byPackage(12));
    table(md, "Hot methods (top frame, self time)", summary.hotMethods(12));
    table(md, "By thread (digits folded)", summary.byThread(8));
    md.append("**Allocation** (`jdk.ObjectAllocationSample` weight, by class and first non-JDK"
        + " frame)\n\n| MiB | % | class at site |\n|---|---|---|\n");
    for (JfrSummary.Allocation a : summary.allocations(10)) {
      md.append(String.format(Locale.ROOT, "| %.1f | %.1f | `%s` |%n", a.mib(), a.percent(),
          a.site()));
    }
    return md.toString();
  }

  private static void table(StringBuilder md, String title, List<JfrSummary.Hot> rows) {
    md.append("**").append(title).append("**\n\n| samples | % | frame |\n|---|---|---|\n");
    for (JfrSummary.Hot hot : rows) {
      md.append(String.format(Locale.ROOT, "| %d | %.1f | `%s` |%n", hot.samples(),
          hot.percent(), hot.method()));
    }
    md.append('\n');
  }
}
