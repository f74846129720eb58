package io.ordo.analytics.history;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The history tables' SQL for the projection: one query per table reads the rows a group
 * touches, one batched upsert per table writes what changed. A group of events about many
 * executions therefore costs a handful of round trips, not one per event.
 */
final class HistoryStore {

  static final String TABLES = "executions, execution_steps, execution_artifacts";

  private static final String EXECUTION_COLUMNS = "execution_id, workspace_id, workflow_id,"
      + " version, status, triggered_by, idempotency_key, parent_execution_id, started_at,"
      + " ended_at, duration_ms, error_class, error_message, error_step_id, input_summary,"
      + " output_summary, retries, step_count, updated_at, last_seq";
  private static final String STEP_COLUMNS = "execution_id, step_id, item, type, status,"
      + " attempts, retry_count, started_at, ended_at, duration_ms, error_class, error_message,"
      + " error_retryable, error_attempt, error_at, input_summary, output_summary, skip_reason,"
      + " due_at, first_seq";
  private static final String ARTIFACT_COLUMNS = "execution_id, step_id, item, name,"
      + " content_type, value_type, size_bytes, content, created_at, seq";

  private HistoryStore() {}

  static Map<String, ExecutionRow> loadExecutions(Connection c, Collection<String> ids)
      throws SQLException {
    var rows = new HashMap<String, ExecutionRow>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + EXECUTION_COLUMNS
        + " FROM executions WHERE execution_id = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("varchar", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ExecutionRow row = new ExecutionRow(rs.getString(1));
          row.workspaceId = rs.getString(2);
          row.workflowId = rs.getString(3);
          row.version = rs.getInt(4);
          row.status = rs.getString(5);
          row.triggeredBy = rs.getString(6);
          row.idempotencyKey = rs.getString(7);
          row.parentExecutionId = rs.getString(8);
          row.startedAt = instant(rs, 9);
          row.endedAt = instant(rs, 10);
          row.durationMs = (Long) rs.getObject(11);
          row.error(rs.getString(12), rs.getString(13), rs.getString(14));
          row.inputSummary = rs.getString(15);
          row.outputSummary = rs.getString(16);
          row.retries = rs.getInt(17);
          row.stepCount = rs.getInt(18);
          row.updatedAt = instant(rs, 19);
          row.lastSeq = rs.getLong(20);
          rows.put(row.executionId, row);
        }
      }
    }
    return rows;
  }

  /** The given steps, plus every step of {@code wholeExecutions} (those a retry resets). */
  static Map<StepRow.Key, StepRow> loadSteps(Connection c, Collection<StepRow.Key> keys,
      Collection<String> wholeExecutions) throws SQLException {
    var rows = new HashMap<StepRow.Key, StepRow>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + STEP_COLUMNS
        + " FROM execution_steps WHERE (execution_id, step_id, item) IN"
        + " (SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::int[]))"
        + " OR execution_id = ANY (?)")) {
      ps.setArray(1, array(c, "varchar", keys.stream().map(StepRow.Key::executionId).toArray()));
      ps.setArray(2, array(c, "varchar", keys.stream().map(StepRow.Key::stepId).toArray()));
      ps.setArray(3, array(c, "integer", keys.stream().map(StepRow.Key::item).toArray()));
      ps.setArray(4, array(c, "varchar", wholeExecutions.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          var key = new StepRow.Key(rs.getString(1), rs.getString(2), rs.getInt(3));
          StepRow row = new StepRow(key, rs.getLong(20));
          row.type = rs.getString(4);
          row.status = rs.getString(5);
          row.attempts = rs.getInt(6);
          row.retryCount = rs.getInt(7);
          row.startedAt = instant(rs, 8);
          row.endedAt = instant(rs, 9);
          row.durationMs = (Long) rs.getObject(10);
          row.errorClass = rs.getString(11);
          row.errorMessage = rs.getString(12);
          row.errorRetryable = (Boolean) rs.getObject(13);
          row.errorAttempt = (Integer) rs.getObject(14);
          row.errorAt = instant(rs, 15);
          row.inputSummary = rs.getString(16);
          row.outputSummary = rs.getString(17);
          row.skipReason = rs.getString(18);
          row.dueAt = instant(rs, 19);
          rows.put(key, row);
        }
      }
    }
    return rows;
  }

  static void write(Connection c, HistoryFold fold) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(upsert("executions", EXECUTION_COLUMNS,
        "execution_id", 20))) {
      for (ExecutionRow r : fold.changedExecutions()) {
        setAll(ps, r.executionId, r.workspaceId, r.workflowId, r.version, r.status,
            r.triggeredBy, r.idempotencyKey, r.parentExecutionId, ts(r.startedAt),
            ts(r.endedAt), r.durationMs, r.errorClass, r.errorMessage, r.errorStepId,
            r.inputSummary, r.outputSummary, r.retries, r.stepCount, ts(r.updatedAt),
            r.lastSeq);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(upsert("execution_steps", STEP_COLUMNS,
        "execution_id, step_id, item", 20))) {
      for (StepRow r : fold.changedSteps()) {
        setAll(ps, r.key.executionId(), r.key.stepId(), r.key.item(), r.type, r.status,
            r.attempts, r.retryCount, ts(r.startedAt), ts(r.endedAt), r.durationMs,
            r.errorClass, r.errorMessage, r.errorRetryable, r.errorAttempt, ts(r.errorAt),
            r.inputSummary, r.outputSummary, r.skipReason, ts(r.dueAt), r.firstSeq);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(upsert("execution_artifacts",
        ARTIFACT_COLUMNS, "execution_id, step_id, item, name", 10))) {
      for (ArtifactRow r : fold.artifacts()) {
        setAll(ps, r.executionId(), r.stepId(), r.item(), r.name(), r.contentType(),
            r.valueType(), r.sizeBytes(), r.content(), ts(r.createdAt()), r.seq());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** INSERT of every column; on conflict every non-key column takes the new value. */
  private static String upsert(String table, String columns, String key, int count) {
    var keyColumns = java.util.Set.of(key.split(",\\s*"));
    var updates = new StringBuilder();
    for (String column : columns.split(",\\s*")) {
      if (!keyColumns.contains(column)) {
        updates.append(updates.length() == 0 ? "" : ", ").append(column)
            .append(" = EXCLUDED.").append(column);
      }
    }
    return "INSERT INTO " + table + " (" + columns + ") VALUES ("
        + "?,".repeat(count - 1) + "?) ON CONFLICT (" + key + ") DO UPDATE SET " + updates;
  }

  private static void setAll(PreparedStatement ps, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v == null) {
        ps.setNull(i + 1, Types.NULL);
      } else {
        ps.setObject(i + 1, v);
      }
    }
  }

  private static Array array(Connection c, String type, Object[] values) throws SQLException {
    return c.createArrayOf(type, values);
  }

  private static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
