package io.ordo.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An Ordo node as a separate process ({@code java -cp deploy/target/ordo.jar:deploy/target/lib/*
 * io.ordo.cli.OrdoCli server}), so its CPU time can be read from /proc and it can be SIGKILLed.
 * Its output goes to a log file; the HTTP port is fixed for its life (and kept across restarts).
 */
public final class NodeProcess implements AutoCloseable {

  private final List<String> command;
  private final Map<String, String> env;
  private final Path log;
  private final int httpPort;
  private Process process;

  private NodeProcess(List<String> command, Map<String, String> env, Path log, int httpPort) {
    this.command = command;
    this.env = env;
    this.log = log;
    this.httpPort = httpPort;
  }

  /** Does not start it yet. */
  public static NodeProcess of(Path root, List<String> jvmOptions, String dbUrl, Path dataDir,
      Path log) throws IOException {
    Path jar = root.resolve("deploy/target/ordo.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build with bench/run (or mvn package)");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var command = new ArrayList<String>();
    command.add(java);
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", jar + ":" + root.resolve("deploy/target/lib") + "/*",
        "io.ordo.cli.OrdoCli", "server"));
    int port = freePort();
    var env = Map.of(
        "ORDO_HTTP_PORT", String.valueOf(port),
        "ORDO_HTTP_HOST", "127.0.0.1",
        "ORDO_DB_URL", dbUrl,
        "ORDO_DB_USER", "postgres",
        "ORDO_DB_PASSWORD", "",
        "ORDO_DATA_DIR", dataDir.toString(),
        "ORDO_LOG_LEVEL", "INFO");
    return new NodeProcess(List.copyOf(command), env, log, port);
  }

  public List<String> command() {
    return command;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  public long pid() {
    if (process == null || !process.isAlive()) {
      throw new IllegalStateException("the node is not running");
    }
    return process.pid();
  }

  /** Starts the process and waits until {@code /health/ready} answers 200. */
  public Duration start(Duration timeout) throws IOException, InterruptedException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("the node is running already");
    }
    Files.createDirectories(log.getParent());
    var builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    long t0 = System.nanoTime();
    process = builder.start();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    var ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
        .timeout(Duration.ofSeconds(5)).GET().build();
    long deadline = t0 + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the node exited with " + process.exitValue()
            + " while starting; see " + log);
      }
      try {
        HttpResponse<String> r = client.send(ready, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - t0);
        }
        last = r.statusCode() + " " + r.body();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the node was not ready within " + timeout + " (" + last
        + "); see " + log);
  }

  /** SIGKILL, and wait for the process to be gone. */
  public void kill() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the node did not die after SIGKILL");
    }
  }

  /** SIGTERM (a clean shutdown), then SIGKILL if it takes longer than {@code grace}. */
  public int stop(Duration grace) throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return process == null ? 0 : process.exitValue();
    }
    process.destroy();
    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
    return process.exitValue();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  @Override
  public void close() {
    try {
      stop(Duration.ofSeconds(40));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
