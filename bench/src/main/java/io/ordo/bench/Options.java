package io.ordo.bench;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The suite's command line (bench/run passes its arguments through). */
public final class Options {

  /** Workload names in run order. */
  public static final List<String> WORKLOADS = List.of("baseline", "p3", "profile", "steps",
      "foreach", "open", "sse", "recovery", "history", "parked", "jmh");

  /** Parked executions of a full run: 100,000 as the issue asks, if the machine keeps up. */
  static final int PARKED_DEFAULT = 100_000;

  static final String USAGE = """
      bench/run [options]: builds the node and the harness, runs the benchmark suite against a
      real node process and a durable PostgreSQL, and writes docs/benchmarks.md (the generated
      sections between its markers) and bench/results/<date>-<revision>.json + latest.json.

        --quick           reduced sizes (under 3 minutes), to check the harness; writes to
                          bench/target/quick/ and leaves docs/ and bench/results/ alone
        --only LIST       run only these workloads (comma-separated): %s
        --skip LIST       run all but these
        --parked N        executions to park in a 1-hour WAIT (default %d, --quick 500)
        --node-jvm FLAGS  the node's JVM flags (default "-Xms2g -Xmx2g -XX:+UseG1GC")
        --doc PATH        the report to write (default docs/benchmarks.md)
        --results DIR     where the JSON goes (default bench/results)
        --no-build        (bench/run only) use what is built
      """.formatted(String.join(",", WORKLOADS), PARKED_DEFAULT);

  private Path root = Path.of("").toAbsolutePath();
  private boolean quick;
  private Integer parked;
  private Set<String> workloads = new LinkedHashSet<>(WORKLOADS);
  private List<String> nodeJvm = List.of("-Xms2g", "-Xmx2g", "-XX:+UseG1GC");
  private Path doc;
  private Path results;
  private double buildSeconds = Double.NaN;
  private String command = "bench/run";

  public static Options parse(String... args) {
    var o = new Options();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--quick" -> o.quick = true;
        case "--parked" -> o.parked = Integer.parseInt(value(args, ++i, a));
        case "--only" -> o.workloads = workloads(value(args, ++i, a));
        case "--skip" -> o.workloads.removeAll(workloads(value(args, ++i, a)));
        case "--node-jvm" -> o.nodeJvm = List.of(value(args, ++i, a).trim().split("\\s+"));
        case "--doc" -> o.doc = Path.of(value(args, ++i, a));
        case "--results" -> o.results = Path.of(value(args, ++i, a));
        case "--root" -> o.root = Path.of(value(args, ++i, a)).toAbsolutePath();
        case "--build-seconds" -> o.buildSeconds = Double.parseDouble(value(args, ++i, a));
        case "--command" -> o.command = value(args, ++i, a);
        case "--help", "-h" -> throw new UsageException(USAGE, true);
        default -> throw new UsageException("unknown option " + a + "\n" + USAGE);
      }
    }
    if (o.parked() <= 0) {
      o.workloads.remove("parked");
    }
    Path out = o.quick ? Path.of("bench/target/quick") : Path.of("bench/results");
    o.doc = o.root.resolve(o.doc != null ? o.doc
        : o.quick ? out.resolve("benchmarks.md") : Path.of("docs/benchmarks.md"));
    o.results = o.root.resolve(o.results != null ? o.results : out);
    return o;
  }

  /** A bad command line, or --help: the message is for the user. */
  public static final class UsageException extends RuntimeException {
    private final boolean help;

    UsageException(String message) {
      this(message, false);
    }

    UsageException(String message, boolean help) {
      super(message);
      this.help = help;
    }

    /** Asked for (--help): not an error. */
    public boolean help() {
      return help;
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new UsageException(option + " needs a value\n" + USAGE);
    }
    return args[i];
  }

  private static Set<String> workloads(String list) {
    var set = new LinkedHashSet<String>();
    for (String w : list.split(",")) {
      String name = w.trim();
      if (!WORKLOADS.contains(name)) {
        throw new UsageException("unknown workload " + name + "; known: " + WORKLOADS);
      }
      set.add(name);
    }
    return set;
  }

  public boolean runs(String workload) {
    return workloads.contains(workload);
  }

  public boolean quick() {
    return quick;
  }

  public Path root() {
    return root;
  }

  public int parked() {
    return parked != null ? parked : quick ? 500 : PARKED_DEFAULT;
  }

  public List<String> nodeJvm() {
    return nodeJvm;
  }

  /** The report written by this run. */
  public Path doc() {
    return doc;
  }

  /** The prose the report keeps: the checked-in docs/benchmarks.md (or the template). */
  public Path docSource() {
    return root.resolve("docs/benchmarks.md");
  }

  public Path resultsDir() {
    return results;
  }

  public double buildSeconds() {
    return buildSeconds;
  }

  public String command() {
    return command;
  }

  /** Closed-loop counts: P3's 300 warm-up and 2,000 measured executions (less with --quick). */
  public int warmup() {
    return quick ? 20 : 300;
  }

  public int measured() {
    return quick ? 100 : 2000;
  }

  @Override
  public String toString() {
    return "workloads=" + workloads + " quick=" + quick + " parked=" + parked() + " nodeJvm="
        + nodeJvm;
  }
}
