package io.ordo.engine.runtime.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Writes audit entries inside the caller's transaction, so a change and its record commit together. */
public final class AuditLog {

  private AuditLog() {}

  public static void record(Connection c, AuditEntry entry, Instant at) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (workspace_id, at, actor,"
        + " action, entity_type, entity_id, correlation_id, details) VALUES (?,?,?,?,?,?,?,?::jsonb)")) {
      ps.setString(1, entry.workspaceId());
      ps.setTimestamp(2, Timestamp.from(at));
      ps.setString(3, entry.actor());
      ps.setString(4, entry.action());
      ps.setString(5, entry.entityType());
      ps.setString(6, entry.entityId());
      ps.setString(7, entry.correlationId());
      ps.setString(8, entry.details() == null ? null : entry.details().toString());
      ps.executeUpdate();
    }
  }
}
