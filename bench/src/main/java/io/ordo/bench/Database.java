package io.ordo.bench;

import io.ordo.node.db.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark's PostgreSQL: a durable {@link EmbeddedPostgres} (fsync and synchronous_commit
 * on), the node's database {@code ordo}, and a database {@code bench} of the harness's own (the
 * baseline's scratch tables and pg_walinspect, so nothing of the harness lands in {@code ordo}).
 */
public final class Database implements AutoCloseable {

  public static final String BENCH_DB = "bench";

  private final EmbeddedPostgres server;
  private final Connection ordo;
  private final Connection bench;

  private Database(EmbeddedPostgres server, Connection ordo, Connection bench) {
    this.server = server;
    this.ordo = ordo;
    this.bench = bench;
  }

  public static Database start(Path dir) throws SQLException {
    EmbeddedPostgres server = EmbeddedPostgres.start(dir, 0, Map.of());
    try {
      Connection ordo = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
      try (Statement s = ordo.createStatement()) {
        s.execute("CREATE DATABASE " + BENCH_DB);
      }
      Connection bench = DriverManager.getConnection(url(server, BENCH_DB), "postgres", "");
      try (Statement s = bench.createStatement()) {
        s.execute("CREATE EXTENSION IF NOT EXISTS pg_walinspect");
      }
      return new Database(server, ordo, bench);
    } catch (SQLException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private static String url(EmbeddedPostgres server, String db) {
    return "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + db;
  }

  /** The node's database. */
  public String jdbcUrl() {
    return server.jdbcUrl();
  }

  public String benchUrl() {
    return url(server, BENCH_DB);
  }

  public Connection ordo() {
    return ordo;
  }

  /** The postmaster's pid, from postmaster.pid. */
  public long postmasterPid() {
    try {
      String first = Files.readAllLines(server.dataDir().resolve("postmaster.pid")).get(0).trim();
      return Long.parseLong(first);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read postmaster.pid", e);
    }
  }

  /** CPU seconds of the postmaster and every backend and helper process, so far. */
  public double cpuSeconds() {
    return ProcStat.treeCpuSeconds(postmasterPid());
  }

  /** Server settings that matter for the figures. */
  public Map<String, String> settings() throws SQLException {
    var result = new LinkedHashMap<String, String>();
    for (String name : new String[] {"server_version", "fsync", "synchronous_commit",
        "wal_sync_method", "full_page_writes", "shared_buffers", "max_wal_size", "wal_level"}) {
      try (Statement s = bench.createStatement(); ResultSet rs = s.executeQuery("SHOW " + name)) {
        rs.next();
        result.put(name, rs.getString(1));
      }
    }
    return result;
  }

  /** What the database has done so far, to diff around a run. */
  public record Counters(String flushLsn, long nextXid, long xactCommit, long xactRollback,
      long tupInserted, long tupUpdated, long tupDeleted, long walSyncs) {}

  /** Tuples inserted, updated and deleted. */
  public static long rowChanges(Counters c) {
    return c.tupInserted() + c.tupUpdated() + c.tupDeleted();
  }

  /**
   * The figures only mean something on a durable server: refuses to go on unless the running
   * server says {@code fsync} and {@code synchronous_commit} are on.
   */
  public Map<String, String> verifiedSettings() throws SQLException {
    Map<String, String> s = settings();
    if (!"on".equals(s.get("fsync")) || !"on".equals(s.get("synchronous_commit"))) {
      throw new IllegalStateException("PostgreSQL is not durable: " + s);
    }
    return s;
  }

  public Counters counters() throws SQLException {
    try (Statement s = bench.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_current_wal_flush_lsn()::text,"
            + " pg_snapshot_xmax(pg_current_snapshot())::text::bigint,"
            + " xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted,"
            + " (SELECT wal_sync FROM pg_stat_wal)"
            + " FROM pg_stat_database WHERE datname = '" + EmbeddedPostgres.DATABASE + "'")) {
      if (!rs.next()) {
        throw new IllegalStateException("no pg_stat_database row for the node's database");
      }
      return new Counters(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
          rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8));
    }
  }

  /**
   * What the WAL between two readings holds (the whole server: only the node writes during a
   * run): commit records, heap row changes (insert, update, delete records) and bytes.
   */
  public record WalStats(long commits, long heapRowChanges, long bytes) {}

  public WalStats walBetween(Counters from, Counters to) throws SQLException {
    long commits = 0;
    long rows = 0;
    long bytes = 0;
    try (PreparedStatement ps = bench.prepareStatement("SELECT \"resource_manager/record_type\","
        + " count, combined_size FROM pg_get_wal_stats(?::pg_lsn, ?::pg_lsn, true)")) {
      ps.setString(1, from.flushLsn());
      ps.setString(2, to.flushLsn());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String kind = rs.getString(1);
          long count = rs.getLong(2);
          bytes += rs.getLong(3);
          if (kind.equals("Transaction/COMMIT")) {
            commits += count;
          } else if (kind.matches("Heap/(INSERT|UPDATE|HOT_UPDATE|DELETE)(\\+INIT)?")) {
            rows += count;
          }
        }
      }
    }
    return new WalStats(commits, rows, bytes);
  }

  /** A JDBC connection to the harness's own database (the baseline writes there). */
  public Connection connectBench() throws SQLException {
    return DriverManager.getConnection(benchUrl(), "postgres", "");
  }

  @Override
  public void close() {
    try {
      ordo.close();
      bench.close();
    } catch (SQLException ignored) {
      // the server goes down next anyway
    }
    server.close();
  }
}
