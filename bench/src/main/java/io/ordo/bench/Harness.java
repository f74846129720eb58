package io.ordo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the workloads share: the options, the durable PostgreSQL, the node process and the load
 * generator aimed at it, the results, and figures one workload measures for later ones (the
 * baseline's rates, the idle node's background rate, P3's saturation throughput).
 */
public final class Harness {

  /** A reading of everything diffed around a measured window. */
  public record Snap(long nanos, double nodeCpu, double dbCpu, double clientCpu,
      Database.Counters counters) {}

  /** Figures later workloads compare against; NaN until measured. */
  public static final class Figures {
    /** Raw PostgreSQL, journal rows + tag rows per second, batches of 100 on 1 and 4 connections. */
    public double baselineBatch1 = Double.NaN;
    public double baselineBatch4 = Double.NaN;
    public double baselineSingle1 = Double.NaN;
    public double baselineSingle4 = Double.NaN;
    /** The idle node's background database work (pollers, projections). */
    public double idleCommitsPerSecond = Double.NaN;
    public double idleRowsPerSecond = Double.NaN;
    /** P3 closed-loop runs by executions in flight. */
    public final Map<Integer, ClosedLoop.Measured> p3 = new LinkedHashMap<>();
  }

  private final Options options;
  private final Path work;
  private final Machine machine;
  private final Results results = new Results();
  private final Figures figures = new Figures();
  private final List<String> nodeFlags;
  private final Set<String> workflows = new HashSet<>();
  private Database db;
  private NodeProcess node;
  private Load load;

  Harness(Options options, Path work, Machine machine) {
    this.options = options;
    this.work = work;
    this.machine = machine;
    var flags = new ArrayList<>(options.nodeJvm());
    // Lets the JFR profile attribute samples to the right line between safepoints; it costs
    // nothing measurable, so every run uses the same flags, profiled or not.
    flags.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints"));
    this.nodeFlags = List.copyOf(flags);
  }

  public Options options() {
    return options;
  }

  public boolean quick() {
    return options.quick();
  }

  /** The run's scratch directory (bench/target/run): database, node data, logs, recordings. */
  public Path work() {
    return work;
  }

  public Machine machine() {
    return machine;
  }

  public Results results() {
    return results;
  }

  public Figures figures() {
    return figures;
  }

  public List<String> nodeFlags() {
    return nodeFlags;
  }

  public Database db() {
    if (db == null) {
      throw new IllegalStateException("the database is not running");
    }
    return db;
  }

  public NodeProcess node() {
    if (node == null) {
      throw new IllegalStateException("the node was not started");
    }
    return node;
  }

  public Load load() {
    return load;
  }

  void startDatabase() throws SQLException {
    db = Database.start(work.resolve("pg"));
  }

  /** Starts the node process on the database and waits for {@code /health/ready}. */
  void startNode() throws Exception {
    Duration up = launchNode(List.of());
    results.put("nodeStartMs", up.toMillis());
    results.put("nodeCommand", node.command());
  }

  /**
   * Stops the node cleanly (SIGTERM) and starts a new one on the same database with
   * {@code extraFlags} added to its JVM flags (e.g. {@code -Dordo.engine.x=y} overrides).
   */
  public Duration restartNode(List<String> extraFlags) throws Exception {
    if (node != null && node.isAlive()) {
      node.stop(Duration.ofSeconds(60));
    }
    return launchNode(extraFlags);
  }

  private Duration launchNode(List<String> extraFlags) throws Exception {
    var flags = new ArrayList<>(nodeFlags);
    flags.addAll(extraFlags);
    node = NodeProcess.of(options.root(), flags, db.jdbcUrl(), work.resolve("node-data"),
        work.resolve("node.log"));
    Duration up = node.start(Duration.ofSeconds(180));
    log("node up in " + up.toMillis() + " ms, pid " + node.pid() + ", " + node.baseUrl()
        + (extraFlags.isEmpty() ? "" : " with " + extraFlags));
    load = new Load(node.baseUrl(), Duration.ofSeconds(60));
    return up;
  }

  /** Stops what runs, node first (it writes to the database). */
  void stopAll() {
    try {
      if (node != null && node.isAlive()) {
        log("node stopped (exit " + node.stop(Duration.ofSeconds(40)) + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (db != null) {
        db.close();
        db = null;
        log("database stopped");
      }
    }
  }

  /** Creates a workflow once per run (the node keeps it across restarts). */
  public void ensureWorkflow(JsonNode definition) throws Exception {
    String id = definition.get("id").asText();
    if (workflows.contains(id)) {
      return;
    }
    HttpResponse<String> resp = load.send(load.post("/api/v1/workflows",
        definition.toString()));
    if (resp.statusCode() != 201) {
      throw new IllegalStateException("creating workflow " + id + ": HTTP " + resp.statusCode()
          + " " + resp.body());
    }
    workflows.add(id);
  }

  public void ensureWorkflow(String json) throws Exception {
    ensureWorkflow(parse(json));
  }

  public static JsonNode parse(String json) throws IOException {
    return Json.mapper().readTree(json);
  }

  public Snap snap() throws SQLException {
    return new Snap(System.nanoTime(), ProcStat.cpuSeconds(node().pid()), db().cpuSeconds(),
        ProcStat.cpuSeconds(ProcessHandle.current().pid()), db().counters());
  }

  public static void log(String message) {
    System.out.printf(Locale.ROOT, "[bench %tT] %s%n", System.currentTimeMillis(), message);
    System.out.flush();
  }

  public static void log(String format, Object... args) {
    log(String.format(Locale.ROOT, format, args));
  }

  /** Sleeps for a measured window or a settling time; never used to wait for a condition. */
  public static void pause(Duration d) throws InterruptedException {
    Thread.sleep(d.toMillis());
  }
}
