package io.ordo.node.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server kept in a directory of the node's own (the embedded default). It runs
 * durably ({@code fsync} and {@code synchronous_commit} on unless told otherwise), listens on
 * loopback only, and is stopped by the node after everything that writes to it has stopped. A
 * server left behind by a killed node is shut down cleanly before the next start.
 */
public final class EmbeddedPostgres implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
  public static final String DATABASE = "ordo";
  public static final String USER = "postgres";
  private static final boolean RUNNING_AS_ROOT = "root".equals(System.getProperty("user.name"));

  private final Path binaries;
  private final Path dataDir;
  private final int port;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private EmbeddedPostgres(Path binaries, Path dataDir, int port, FileChannel lockChannel,
      FileLock lock) {
    this.binaries = binaries;
    this.dataDir = dataDir;
    this.port = port;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Starts the server on {@code dataDir} (created and initialised on first use).
   *
   * @param port 0 picks a free port
   * @param serverConfig extra {@code -c} settings, e.g. {@code fsync=off} for throwaway test data
   */
  public static EmbeddedPostgres start(Path dataDir, int port, Map<String, String> serverConfig) {
    Path binaries = PostgresBinaries.install();
    try {
      Files.createDirectories(dataDir);
      FileChannel channel = FileChannel.open(dataDir.resolveSibling(dataDir.getFileName()
          + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        throw new IllegalStateException("the database directory " + dataDir
            + " is in use by another Ordo node; give each node its own ORDO_DATA_DIR");
      }
      stopOrphan(dataDir);
      if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
        run(binaries, "initdb", "-A", "trust", "-U", USER, "-D", dataDir.toString(), "-E",
            "UTF8", "--locale=C");
      }
      int chosen = port == 0 ? freePort() : port;
      var server = new EmbeddedPostgres(binaries, dataDir, chosen, channel, lock);
      server.startServer(serverConfig);
      server.createDatabase();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded database in " + dataDir, e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  private void startServer(Map<String, String> serverConfig) throws IOException {
    var options = new ArrayList<>(List.of("-p", String.valueOf(port), "-c",
        "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=on", "-c",
        "synchronous_commit=on", "-c", "max_connections=200", "-c", "timezone=UTC"));
    serverConfig.forEach((k, v) -> options.addAll(List.of("-c", k + "=" + v)));
    Path logFile = dataDir.resolveSibling(dataDir.getFileName() + ".log");
    run(binaries, "pg_ctl", "-D", dataDir.toString(), "-l", logFile.toString(), "-w", "-t", "60",
        "-o", String.join(" ", options), "start");
    log.info("Embedded PostgreSQL {} on 127.0.0.1:{}, data in {}", PostgresBinaries.VERSION, port,
        dataDir.toAbsolutePath());
  }

  private void createDatabase() {
    String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    try (Connection c = DriverManager.getConnection(admin, USER, "");
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery(
          "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        if (rs.next()) {
          return;
        }
      }
      s.execute("CREATE DATABASE " + DATABASE);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the database " + DATABASE, e);
    }
  }

  /** Null when another process, or another node in this JVM, holds the lock. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      return null;
    }
  }

  /** A server whose node was killed still holds the directory: shut it down cleanly first. */
  private static void stopOrphan(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst()
        .orElse("").trim();
    Optional<ProcessHandle> orphan;
    try {
      orphan = ProcessHandle.of(Long.parseLong(first))
          .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    } catch (NumberFormatException e) {
      return;
    }
    if (orphan.isEmpty() || !orphan.get().isAlive()) {
      return;
    }
    log.warn("A PostgreSQL server (pid {}) from an earlier run still holds {}; stopping it",
        first, dataDir);
    // SIGTERM is a smart shutdown: its clients died with the old node, so it stops at once.
    orphan.get().destroy();
    try {
      orphan.get().onExit().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the old PostgreSQL server (pid " + first
          + ") did not stop; stop it by hand", e);
    }
  }

  @Override
  public void close() {
    try {
      run(binaries, "pg_ctl", "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60", "stop");
      log.info("Embedded PostgreSQL stopped");
    } catch (RuntimeException | IOException e) {
      log.error("Could not stop the embedded PostgreSQL in {}", dataDir, e);
    } finally {
      try {
        lock.release();
        lockChannel.close();
      } catch (IOException e) {
        log.warn("Could not release the lock on {}", dataDir, e);
      }
    }
  }

  private static void run(Path binaries, String program, String... args) throws IOException {
    var command = new ArrayList<String>();
    if (RUNNING_AS_ROOT) {
      // PostgreSQL refuses to run as root; in a fresh user namespace the same process is an
      // unmapped, unprivileged user, while its files stay with the caller.
      command.addAll(List.of("unshare", "-U"));
    }
    command.add(binaries.resolve("bin").resolve(program).toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(Duration.ofMinutes(2).toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(program + " did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(program + " was interrupted", e);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(program + " failed (" + process.exitValue() + "): "
          + output.strip());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
