package io.ordo.bench;

import io.ordo.bench.workload.BaselineWorkload;
import io.ordo.bench.workload.ForEachWorkload;
import io.ordo.bench.workload.HistoryQueryWorkload;
import io.ordo.bench.workload.IdleNode;
import io.ordo.bench.workload.JmhWorkload;
import io.ordo.bench.workload.OpenLoopWorkload;
import io.ordo.bench.workload.P3Workload;
import io.ordo.bench.workload.ParkedWorkload;
import io.ordo.bench.workload.ProfileWorkload;
import io.ordo.bench.workload.RecoveryWorkload;
import io.ordo.bench.workload.SseWorkload;
import io.ordo.bench.workload.StepOverheadWorkload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmark suite behind {@code bench/run}: starts a durable PostgreSQL, runs the selected
 * workloads in order (the baseline on the database alone, the rest against a node process, JMH
 * after both stopped), and writes the JSON and the report. A workload that fails is reported as
 * not measured and the others still run; everything started is stopped.
 */
public final class BenchSuite {

  static final List<Workload> ALL = List.of(new BaselineWorkload(), new P3Workload(),
      new ProfileWorkload(), new StepOverheadWorkload(), new ForEachWorkload(),
      new OpenLoopWorkload(), new SseWorkload(), new RecoveryWorkload(),
      new HistoryQueryWorkload(), new ParkedWorkload(), new JmhWorkload());

  private BenchSuite() {}

  public static void main(String[] args) {
    int code;
    try {
      code = run(Options.parse(args));
    } catch (Options.UsageException e) {
      if (e.help()) {
        System.out.print(e.getMessage());
      } else {
        System.err.println(e.getMessage());
      }
      code = e.help() ? 0 : 64;
    } catch (Throwable t) {
      t.printStackTrace();
      code = 2;
    }
    System.exit(code);
  }

  static int run(Options o) throws Exception {
    Instant startedAt = Instant.now();
    long t0 = System.nanoTime();
    Path work = o.root().resolve("bench/target/run");
    deleteRecursively(work);
    Files.createDirectories(work);
    Machine machine = Machine.describe(o.root());
    var h = new Harness(o, work, machine);
    Harness.log("Ordo benchmark suite: " + o + "; scratch in " + work);
    Harness.log("machine: " + machine.summary() + ", " + machine.java() + ", revision "
        + machine.shortRevision() + ", load average " + Machine.loadAverage());
    List<Workload> selected = ALL.stream().filter(w -> o.runs(w.name())).toList();
    try {
      if (selected.stream().anyMatch(w -> w.needs() != Workload.Needs.NOTHING)) {
        h.startDatabase();
        h.results().put("postgres", h.db().verifiedSettings());
        Harness.log("PostgreSQL: " + h.db().verifiedSettings());
      }
      for (Workload w : selected) {
        if (w.needs() == Workload.Needs.DATABASE) {
          attempt(h, w);
        }
      }
      if (selected.stream().anyMatch(w -> w.needs() == Workload.Needs.NODE)) {
        h.startNode();
        IdleNode.measure(h);
        for (Workload w : selected) {
          if (w.needs() == Workload.Needs.NODE) {
            if (!h.node().isAlive()) {
              Harness.log("the node is down; starting it again for " + w.name());
              h.restartNode(List.of());
            }
            attempt(h, w);
          }
        }
      }
    } catch (Exception e) {
      h.results().failure("suite: " + e);
      Harness.log("FAILED: " + e);
      e.printStackTrace();
    } finally {
      h.stopAll();
    }
    for (Workload w : selected) {
      if (w.needs() == Workload.Needs.NOTHING) {
        attempt(h, w);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    new ReportWriter(o, machine, startedAt, seconds, h).write();
    Harness.log("done in %.0f s (plus %.0f s build): %s, %s", seconds,
        Double.isNaN(o.buildSeconds()) ? 0 : o.buildSeconds(), o.doc(), o.resultsDir());
    if (!h.results().failures().isEmpty()) {
      Harness.log("figures missing: " + h.results().failures());
      return 1;
    }
    return 0;
  }

  /** Runs one workload; a failure is reported as a missing figure and the suite goes on. */
  private static void attempt(Harness h, Workload w) {
    long start = System.nanoTime();
    Harness.log("-- " + w.name() + ": " + w.title());
    try {
      w.run(h);
    } catch (Workload.Unavailable e) {
      Harness.log("%s not available: %s", w.name(), e.getMessage());
      h.results().unavailable(w.title(), e.getMessage());
    } catch (Throwable e) {
      Harness.log("FAILED " + w.name() + ": " + e);
      e.printStackTrace();
      h.results().fail(w.title(), "—", e);
    } finally {
      double s = (System.nanoTime() - start) / 1e9;
      h.results().put("seconds." + w.name(), s);
      Harness.log("-- %s took %.1f s", w.name(), s);
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
