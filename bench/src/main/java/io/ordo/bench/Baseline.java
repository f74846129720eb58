package io.ordo.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling the engine is measured against: how fast the same PostgreSQL accepts
 * journal-shaped rows, written the way pekko-persistence-jdbc writes tagged events (insert the
 * journal rows returning their ordering, then one tag row each, one transaction per batch), into
 * a scratch copy of {@code event_journal} and {@code event_tag} (same columns, keys, indexes,
 * foreign key as engine-runtime's {@code db/engine/V1__journal.sql}) in the harness's own
 * database. Tags are {@code exec-<bucket>} over 8 buckets, like the engine's.
 */
public final class Baseline {

  /** Bytes of each row's payload; the engine's events are about this size (see the report). */
  public static final int PAYLOAD_BYTES = 200;
  static final String MANIFEST =
      "io.ordo.engine.runtime.execution.events.ExecutionEvent$StepSucceeded";

  private static final String DDL = """
      DROP SCHEMA IF EXISTS baseline CASCADE;
      CREATE SCHEMA baseline;
      CREATE TABLE baseline.event_journal (
        ordering BIGSERIAL,
        persistence_id VARCHAR(255) NOT NULL,
        sequence_number BIGINT NOT NULL,
        deleted BOOLEAN DEFAULT FALSE NOT NULL,
        writer VARCHAR(255) NOT NULL,
        write_timestamp BIGINT,
        adapter_manifest VARCHAR(255),
        event_ser_id INTEGER NOT NULL,
        event_ser_manifest VARCHAR(255) NOT NULL,
        event_payload BYTEA NOT NULL,
        meta_ser_id INTEGER,
        meta_ser_manifest VARCHAR(255),
        meta_payload BYTEA,
        PRIMARY KEY (persistence_id, sequence_number));
      CREATE UNIQUE INDEX event_journal_ordering_idx ON baseline.event_journal (ordering);
      CREATE TABLE baseline.event_tag (
        event_id BIGINT,
        tag VARCHAR(256),
        PRIMARY KEY (event_id, tag),
        CONSTRAINT fk_event_journal FOREIGN KEY (event_id)
          REFERENCES baseline.event_journal (ordering) ON DELETE CASCADE);
      CREATE INDEX event_tag_tag_idx ON baseline.event_tag (tag, event_id);
      """;

  private static final String INSERT_JOURNAL = "INSERT INTO baseline.event_journal"
      + " (persistence_id, sequence_number, deleted, writer, write_timestamp, adapter_manifest,"
      + " event_ser_id, event_ser_manifest, event_payload) VALUES (?, ?, false, ?, ?, '', ?, ?, ?)";
  private static final String INSERT_TAG =
      "INSERT INTO baseline.event_tag (event_id, tag) VALUES (?, ?)";

  /** One mode's result: journal rows (each with its tag row) per second, and commits. */
  public record Result(String mode, int batchSize, int connections, long rows, long commits,
      double seconds, double rowsPerSecond, double commitsPerSecond) {}

  private final Database db;
  private final double warmupSeconds;
  private final double measureSeconds;

  public Baseline(Database db, double warmupSeconds, double measureSeconds) {
    this.db = db;
    this.warmupSeconds = warmupSeconds;
    this.measureSeconds = measureSeconds;
  }

  public List<Result> runAll() throws Exception {
    try (Connection c = db.connectBench(); Statement s = c.createStatement()) {
      s.execute(DDL);
    }
    var results = new ArrayList<Result>();
    results.add(run(100, 1));
    results.add(run(100, 4));
    results.add(run(1, 1));
    results.add(run(1, 4));
    return results;
  }

  /** {@code connections} writers, each committing batches of {@code batchSize} rows. */
  Result run(int batchSize, int connections) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    try {
      long start = System.nanoTime();
      long measureFrom = start + (long) (warmupSeconds * 1e9);
      long end = measureFrom + (long) (measureSeconds * 1e9);
      var futures = new ArrayList<Future<long[]>>();
      for (int w = 0; w < connections; w++) {
        int writer = w;
        futures.add(pool.submit(() -> write(writer, batchSize, measureFrom, end)));
      }
      long rows = 0;
      long commits = 0;
      for (Future<long[]> f : futures) {
        long[] r = f.get((long) (warmupSeconds + measureSeconds + 60), TimeUnit.SECONDS);
        rows += r[0];
        commits += r[1];
      }
      String mode = batchSize == 1 ? "single-row commits" : "batches of " + batchSize;
      return new Result(mode, batchSize, connections, rows, commits, measureSeconds,
          rows / measureSeconds, commits / measureSeconds);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Rows and commits that finished inside [measureFrom, end). */
  private long[] write(int writer, int batchSize, long measureFrom, long end) throws SQLException {
    byte[] payload = new byte[PAYLOAD_BYTES];
    ThreadLocalRandom.current().nextBytes(payload);
    String writerId = UUID.randomUUID().toString();
    long rows = 0;
    long commits = 0;
    long execution = 0;
    int seq = 0;
    try (Connection c = db.connectBench();
        PreparedStatement journal = c.prepareStatement(INSERT_JOURNAL, new String[] {"ordering"});
        PreparedStatement tags = c.prepareStatement(INSERT_TAG)) {
      c.setAutoCommit(false);
      String pid = null;
      while (true) {
        long now = System.nanoTime();
        if (now >= end) {
          break;
        }
        var tagOf = new String[batchSize];
        for (int i = 0; i < batchSize; i++) {
          // Five events per execution, like P3.
          if (seq % 5 == 0) {
            execution++;
            pid = "Execution|" + writerId + "-" + execution;
          }
          journal.setString(1, pid);
          journal.setLong(2, seq % 5 + 1);
          journal.setString(3, writerId);
          journal.setLong(4, System.currentTimeMillis());
          journal.setInt(5, 2001);
          journal.setString(6, MANIFEST);
          journal.setBytes(7, payload);
          journal.addBatch();
          tagOf[i] = "exec-" + Math.floorMod(pid.hashCode(), 8);
          seq++;
        }
        journal.executeBatch();
        int i = 0;
        try (ResultSet keys = journal.getGeneratedKeys()) {
          while (keys.next()) {
            tags.setLong(1, keys.getLong(1));
            tags.setString(2, tagOf[i++]);
            tags.addBatch();
          }
        }
        if (i != batchSize) {
          throw new IllegalStateException("got " + i + " generated keys for " + batchSize);
        }
        tags.executeBatch();
        c.commit();
        long done = System.nanoTime();
        if (done >= measureFrom && done < end) {
          rows += batchSize;
          commits++;
        }
      }
    }
    return new long[] {rows, commits};
  }
}
