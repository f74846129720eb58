package io.ordo.engine.runtime.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ordo.engine.model.Json;
import io.ordo.engine.runtime.db.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Reads {@code audit_log}, one workspace at a time, newest first, with keyset pagination on
 * (at, id): a page costs the same however deep it is, and entries written meanwhile never shift
 * the pages already read.
 */
public final class AuditStore {

  /** A page and, when more entries follow, the cursor of its last one. */
  public record Page(List<AuditRecord> items, AuditQuery.Cursor next) {}

  private final Jdbc jdbc;

  public AuditStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  public CompletionStage<Page> find(AuditQuery query) {
    return jdbc.query(c -> find(c, query));
  }

  private static Page find(Connection c, AuditQuery q) throws SQLException {
    var sql = new StringBuilder("SELECT id, at, actor, action, entity_type, entity_id,"
        + " correlation_id, details FROM audit_log WHERE workspace_id = ?");
    var params = new ArrayList<Object>();
    params.add(q.workspaceId());
    where(sql, params, "entity_type = ?", q.entityType());
    where(sql, params, "entity_id = ?", q.entityId());
    where(sql, params, "actor = ?", q.actor());
    where(sql, params, "action = ?", q.action());
    where(sql, params, "correlation_id = ?", q.correlationId());
    where(sql, params, "at >= ?", q.from() == null ? null : Timestamp.from(q.from()));
    where(sql, params, "at < ?", q.to() == null ? null : Timestamp.from(q.to()));
    if (q.after() != null) {
      sql.append(" AND (at, id) < (?, ?)");
      params.add(Timestamp.from(q.after().at()));
      params.add(q.after().id());
    }
    sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
    params.add(q.limit() + 1);
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      var items = new ArrayList<AuditRecord>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          items.add(record(rs));
        }
      }
      if (items.size() <= q.limit()) {
        return new Page(items, null);
      }
      List<AuditRecord> page = List.copyOf(items.subList(0, q.limit()));
      return new Page(page, page.get(page.size() - 1).cursor());
    }
  }

  private static void where(StringBuilder sql, List<Object> params, String clause, Object value) {
    if (value != null) {
      sql.append(" AND ").append(clause);
      params.add(value);
    }
  }

  private static AuditRecord record(ResultSet rs) throws SQLException {
    String details = rs.getString("details");
    try {
      return new AuditRecord(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
          rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"),
          rs.getString("entity_id"), rs.getString("correlation_id"),
          details == null ? null : Json.mapper().readTree(details));
    } catch (JsonProcessingException e) {
      throw new SQLException("audit entry " + rs.getLong("id") + " has unreadable details", e);
    }
  }
}
