package io.ordo.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the node's journal directly ({@code event_journal}, {@code event_tag}, {@code snapshot}
 * of the database {@code ordo}): what executions wrote, and how each ended. Only between
 * measured windows, so these reads never count in a workload's figures.
 */
public final class JournalProbe {

  public static final String EXECUTION_PREFIX = "Execution|";
  public static final String EVENTS = "io.ordo.engine.runtime.execution.events.ExecutionEvent$";
  /** The events that end an execution. */
  public static final List<String> TERMINAL = List.of("ExecutionCompleted", "ExecutionFailed",
      "ExecutionCancelled", "ExecutionTimedOut");

  /**
   * What the journal holds for a sample of executions. {@code writesPerExecution} counts the
   * distinct transactions (the rows' {@code xmin}) that wrote an execution's events.
   */
  public record Journal(int sampled, double eventsPerExecution, double writesPerExecution,
      double tagRowsPerEvent, double snapshotsPerExecution, double payloadBytesPerEvent,
      List<String> oneExecution) {}

  /** Per execution: ExecutionStarted events, ExecutionCompleted events, other terminal events. */
  public record Endings(long started, long completed, long otherTerminal) {
    public long terminal() {
      return completed + otherTerminal;
    }
  }

  private final Connection ordo;

  public JournalProbe(Connection ordo) {
    this.ordo = ordo;
  }

  /** Events, tag rows, snapshots and payload size of (at most 500 of) these executions. */
  public Journal sample(List<String> executionIds) throws SQLException {
    List<String> sample = executionIds.subList(0, Math.min(500, executionIds.size()));
    Array ids = persistenceIds(sample);
    long events;
    double payload;
    long tags;
    long snapshots;
    double writes;
    try (PreparedStatement ps = ordo.prepareStatement("SELECT count(*),"
        + " coalesce(avg(octet_length(event_payload)), 0),"
        + " (SELECT count(*) FROM event_tag t JOIN event_journal j2 ON t.event_id = j2.ordering"
        + "   WHERE j2.persistence_id = ANY(?)),"
        + " (SELECT count(*) FROM snapshot s WHERE s.persistence_id = ANY(?))"
        + " FROM event_journal WHERE persistence_id = ANY(?)")) {
      ps.setArray(1, ids);
      ps.setArray(2, ids);
      ps.setArray(3, ids);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        events = rs.getLong(1);
        payload = rs.getDouble(2);
        tags = rs.getLong(3);
        snapshots = rs.getLong(4);
      }
    }
    try (PreparedStatement ps = ordo.prepareStatement("SELECT coalesce(avg(n), 0) FROM"
        + " (SELECT count(DISTINCT xmin::text) AS n FROM event_journal"
        + "  WHERE persistence_id = ANY(?) GROUP BY persistence_id) t")) {
      ps.setArray(1, ids);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        writes = rs.getDouble(1);
      }
    }
    int n = sample.size();
    return new Journal(n, (double) events / n, writes, events == 0 ? 0 : (double) tags / events,
        (double) snapshots / n, payload, oneExecution(sample.get(0)));
  }

  /** One execution's events in order, runs of the same type folded: "3 × StepSucceeded (61 B)". */
  public List<String> oneExecution(String executionId) throws SQLException {
    var groups = new ArrayList<String>();
    var counts = new ArrayList<Integer>();
    try (PreparedStatement ps = ordo.prepareStatement("SELECT event_ser_manifest,"
        + " octet_length(event_payload) FROM event_journal WHERE persistence_id = ?"
        + " ORDER BY sequence_number")) {
      ps.setString(1, EXECUTION_PREFIX + executionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String type = rs.getString(1);
          type = type.substring(type.lastIndexOf('$') + 1);
          String key = type + " (" + rs.getInt(2) + " B)";
          int last = groups.size() - 1;
          if (last >= 0 && groups.get(last).startsWith(type + " (")) {
            counts.set(last, counts.get(last) + 1);
          } else {
            groups.add(key);
            counts.add(1);
          }
        }
      }
    }
    var result = new ArrayList<String>();
    for (int i = 0; i < groups.size(); i++) {
      result.add(counts.get(i) == 1 ? groups.get(i) : counts.get(i) + " × " + groups.get(i));
    }
    return result;
  }

  /** Events of one type in the whole journal. */
  public long count(String eventType) throws SQLException {
    try (PreparedStatement ps = ordo.prepareStatement(
        "SELECT count(*) FROM event_journal WHERE event_ser_manifest = ?")) {
      ps.setString(1, EVENTS + eventType);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** How each of these executions started and ended, by execution id (absent: no events). */
  public Map<String, Endings> endings(List<String> executionIds) throws SQLException {
    var result = new LinkedHashMap<String, Endings>();
    try (PreparedStatement ps = ordo.prepareStatement("SELECT persistence_id,"
        + " count(*) FILTER (WHERE event_ser_manifest = ?),"
        + " count(*) FILTER (WHERE event_ser_manifest = ?),"
        + " count(*) FILTER (WHERE event_ser_manifest IN (?, ?, ?))"
        + " FROM event_journal WHERE persistence_id = ANY(?) GROUP BY persistence_id")) {
      ps.setString(1, EVENTS + "ExecutionStarted");
      ps.setString(2, EVENTS + TERMINAL.get(0));
      for (int i = 1; i < TERMINAL.size(); i++) {
        ps.setString(2 + i, EVENTS + TERMINAL.get(i));
      }
      ps.setArray(6, persistenceIds(executionIds));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          result.put(rs.getString(1).substring(EXECUTION_PREFIX.length()),
              new Endings(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        }
      }
    }
    return result;
  }

  /** How many of these executions have ended (any terminal event). */
  public long ended(List<String> executionIds) throws SQLException {
    return endings(executionIds).values().stream().filter(e -> e.terminal() > 0).count();
  }

  /** The journal's write time (epoch ms) of each event of one execution, by sequence number. */
  public Map<Long, Long> writeTimes(String executionId) throws SQLException {
    var result = new LinkedHashMap<Long, Long>();
    try (PreparedStatement ps = ordo.prepareStatement("SELECT sequence_number, write_timestamp"
        + " FROM event_journal WHERE persistence_id = ? ORDER BY sequence_number")) {
      ps.setString(1, EXECUTION_PREFIX + executionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          result.put(rs.getLong(1), rs.getLong(2));
        }
      }
    }
    return result;
  }

  private Array persistenceIds(List<String> executionIds) throws SQLException {
    return ordo.createArrayOf("varchar", executionIds.stream().map(id -> EXECUTION_PREFIX + id)
        .toArray());
  }
}
