package io.ordo.http.service;

import io.ordo.http.dto.ErrorView;
import io.ordo.http.dto.HistoryExecutionView;
import io.ordo.http.dto.HistoryPageView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The keyset query behind {@code GET /executions}: equality filters first, then the time range,
 * then "below the cursor", newest first. Every combination matches one of the indexes of
 * {@code executions} that lead with the equality columns and end with (started_at, execution_id),
 * so a page reads about {@code limit} index entries whatever the table's size. Several statuses
 * are one such scan per status, each limited, merged: PostgreSQL cannot read {@code status IN
 * (...)} from one index in keyset order. Public for the test that checks the plans.
 */
public final class ExecutionListQuery {

  private static final String COLUMNS = "execution_id, workflow_id, version, status,"
      + " triggered_by, started_at, ended_at, duration_ms, error_class, error_message,"
      + " error_step_id";
  private static final String ORDER = " ORDER BY started_at DESC, execution_id DESC LIMIT ?";

  /** SQL text and its parameters, in order. */
  public record Statement(String sql, List<Object> parameters) {

    public PreparedStatement prepare(Connection c) throws SQLException {
      PreparedStatement ps = c.prepareStatement(sql);
      for (int i = 0; i < parameters.size(); i++) {
        Object p = parameters.get(i);
        ps.setObject(i + 1, p instanceof Instant at ? Timestamp.from(at) : p);
      }
      return ps;
    }
  }

  private ExecutionListQuery() {}

  /** One row more than asked: it tells whether another page follows. */
  public static Statement statement(String workspaceId, ExecutionFilter f) {
    var parameters = new ArrayList<Object>();
    if (f.statuses().size() <= 1) {
      String status = f.statuses().isEmpty() ? null : f.statuses().get(0);
      String sql = select(workspaceId, f, status, parameters) + ORDER;
      parameters.add(f.limit() + 1);
      return new Statement(sql, parameters);
    }
    var sql = new StringBuilder("SELECT " + COLUMNS + " FROM (");
    for (int i = 0; i < f.statuses().size(); i++) {
      sql.append(i == 0 ? "(" : " UNION ALL (")
          .append(select(workspaceId, f, f.statuses().get(i), parameters)).append(ORDER)
          .append(")");
      parameters.add(f.limit() + 1);
    }
    sql.append(") page").append(ORDER);
    parameters.add(f.limit() + 1);
    return new Statement(sql.toString(), parameters);
  }

  private static String select(String workspaceId, ExecutionFilter f, String status,
      List<Object> parameters) {
    var sql = new StringBuilder("SELECT " + COLUMNS + " FROM executions WHERE workspace_id = ?");
    parameters.add(workspaceId);
    if (f.workflowId() != null) {
      sql.append(" AND workflow_id = ?");
      parameters.add(f.workflowId());
    }
    if (f.version() != null) {
      sql.append(" AND version = ?");
      parameters.add(f.version());
    }
    if (status != null) {
      sql.append(" AND status = ?");
      parameters.add(status);
    }
    if (f.triggeredBy() != null) {
      sql.append(" AND triggered_by = ?");
      parameters.add(f.triggeredBy());
    }
    if (f.from() != null) {
      sql.append(" AND started_at >= ?");
      parameters.add(f.from());
    }
    if (f.to() != null) {
      sql.append(" AND started_at < ?");
      parameters.add(f.to());
    }
    if (f.cursor() != null) {
      sql.append(" AND (started_at, execution_id) < (?, ?)");
      parameters.add(f.cursor().startedAt());
      parameters.add(f.cursor().executionId());
    }
    return sql.toString();
  }

  static HistoryPageView<HistoryExecutionView> run(Connection c, String workspaceId,
      ExecutionFilter f) throws SQLException {
    var items = new ArrayList<HistoryExecutionView>();
    try (PreparedStatement ps = statement(workspaceId, f).prepare(c);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        items.add(view(rs));
      }
    }
    if (items.size() <= f.limit()) {
      return new HistoryPageView<>(items, null);
    }
    List<HistoryExecutionView> page = items.subList(0, f.limit());
    HistoryExecutionView last = page.get(page.size() - 1);
    return new HistoryPageView<>(List.copyOf(page),
        new HistoryCursor(last.startedAt(), last.id()).encode());
  }

  private static HistoryExecutionView view(ResultSet rs) throws SQLException {
    String errorClass = rs.getString(9);
    String errorMessage = rs.getString(10);
    ErrorView error = errorClass == null && errorMessage == null ? null
        : new ErrorView(errorClass, errorMessage, null, null, rs.getString(11), null);
    return new HistoryExecutionView(rs.getString(1), rs.getString(2), rs.getInt(3),
        rs.getString(4), rs.getString(5), HistorySql.instant(rs, 6), HistorySql.instant(rs, 7),
        HistorySql.longOrNull(rs, 8), error);
  }
}
