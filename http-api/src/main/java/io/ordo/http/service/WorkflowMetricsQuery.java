package io.ordo.http.service;

import io.ordo.http.dto.HistoryMetricsView;
import io.ordo.http.dto.HistoryMetricsView.Durations;
import io.ordo.http.dto.HistoryMetricsView.Last;
import io.ordo.http.dto.HistoryMetricsView.StepMetrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SQL behind {@code GET /workflows/{id}/metrics}: four queries over the executions of one
 * workflow (optionally one version) started in [from, to), each using the workflow index of
 * {@code executions}. Durations and percentiles are PostgreSQL's ({@code percentile_cont}).
 * Public for the test that times it over a million executions.
 */
public final class WorkflowMetricsQuery {

  /** The filter, as SQL and parameters; {@code e} is the alias of {@code executions}. */
  public record Scope(String workspaceId, String workflowId, Integer version, Instant from,
      Instant to) {

    String where() {
      return " WHERE e.workspace_id = ? AND e.workflow_id = ?"
          + (version != null ? " AND e.version = ?" : "")
          + (from != null ? " AND e.started_at >= ?" : "")
          + (to != null ? " AND e.started_at < ?" : "");
    }

    PreparedStatement prepare(Connection c, String sql) throws SQLException {
      PreparedStatement ps = c.prepareStatement(sql);
      int i = 1;
      ps.setString(i++, workspaceId);
      ps.setString(i++, workflowId);
      if (version != null) {
        ps.setInt(i++, version);
      }
      if (from != null) {
        ps.setTimestamp(i++, Timestamp.from(from));
      }
      if (to != null) {
        ps.setTimestamp(i, Timestamp.from(to));
      }
      return ps;
    }
  }

  private static final List<String> ENDED = List.of("COMPLETED", "FAILED", "CANCELLED",
      "TIMED_OUT");

  private WorkflowMetricsQuery() {}

  /** The metrics, steps in the order of {@code stepOrder} first, then by id. */
  public static HistoryMetricsView run(Connection c, Scope scope, List<String> stepOrder)
      throws SQLException {
    Map<String, Long> byStatus = new TreeMap<>();
    try (PreparedStatement ps = scope.prepare(c, "SELECT e.status, count(*) FROM executions e"
        + scope.where() + " GROUP BY e.status"); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        byStatus.put(rs.getString(1), rs.getLong(2));
      }
    }
    long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
    long ended = ENDED.stream().mapToLong(s -> byStatus.getOrDefault(s, 0L)).sum();
    Double successRate = ended == 0 ? null
        : byStatus.getOrDefault("COMPLETED", 0L) / (double) ended;
    return new HistoryMetricsView(scope.workflowId(), scope.version(), scope.from(), scope.to(),
        total, byStatus, successRate, durations(c, scope), steps(c, scope, stepOrder),
        last(c, scope));
  }

  private static Durations durations(Connection c, Scope scope) throws SQLException {
    try (PreparedStatement ps = scope.prepare(c, "SELECT count(*), avg(e.duration_ms),"
        + " percentile_cont(0.5) WITHIN GROUP (ORDER BY e.duration_ms),"
        + " percentile_cont(0.95) WITHIN GROUP (ORDER BY e.duration_ms),"
        + " percentile_cont(0.99) WITHIN GROUP (ORDER BY e.duration_ms)"
        + " FROM executions e" + scope.where() + " AND e.ended_at IS NOT NULL");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return new Durations(rs.getLong(1), HistorySql.doubleOrNull(rs, 2),
          HistorySql.doubleOrNull(rs, 3), HistorySql.doubleOrNull(rs, 4),
          HistorySql.doubleOrNull(rs, 5));
    }
  }

  private static List<StepMetrics> steps(Connection c, Scope scope, List<String> order)
      throws SQLException {
    var steps = new ArrayList<StepMetrics>();
    try (PreparedStatement ps = scope.prepare(c, "SELECT s.step_id,"
        + " count(*) FILTER (WHERE s.status IN ('COMPLETED', 'FAILED')),"
        + " count(*) FILTER (WHERE s.status = 'COMPLETED'),"
        + " count(*) FILTER (WHERE s.status = 'FAILED'),"
        + " count(*) FILTER (WHERE s.status = 'SKIPPED'),"
        + " avg(s.duration_ms) FILTER (WHERE s.status IN ('COMPLETED', 'FAILED'))"
        + " FROM executions e JOIN execution_steps s ON s.execution_id = e.execution_id"
        + scope.where() + " AND s.item = -1 GROUP BY s.step_id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long runs = rs.getLong(2);
        long failed = rs.getLong(4);
        steps.add(new StepMetrics(rs.getString(1), runs, rs.getLong(3), failed, rs.getLong(5),
            HistorySql.doubleOrNull(rs, 6), runs == 0 ? null : failed / (double) runs));
      }
    }
    steps.sort(java.util.Comparator
        .comparingInt((StepMetrics s) -> order.contains(s.stepId()) ? order.indexOf(s.stepId())
            : Integer.MAX_VALUE)
        .thenComparing(StepMetrics::stepId));
    return steps;
  }

  private static Last last(Connection c, Scope scope) throws SQLException {
    try (PreparedStatement ps = scope.prepare(c, "SELECT e.execution_id, e.status, e.started_at"
        + " FROM executions e" + scope.where()
        + " ORDER BY e.started_at DESC, e.execution_id DESC LIMIT 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next()
          ? new Last(rs.getString(1), rs.getString(2), HistorySql.instant(rs, 3)) : null;
    }
  }
}
