package io.ordo.engine.runtime.audit;

import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import io.ordo.engine.runtime.projection.ExecutionIndex;
import io.ordo.engine.runtime.projection.PooledJdbcSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * Writes an {@code audit_log} row for every execution command, from the events the commands
 * caused (so a command is audited if and only if it changed something, and from whichever node
 * ran it). Part of the {@link ExecutionIndex} projection, whose offset commits in the transaction
 * of these rows, so each event is written once even when the projection restarts. The rows also
 * carry the event's sequence number under a unique key, so replaying events whose offset was lost
 * cannot write them twice either.
 */
public final class ExecutionAuditHandler
    extends JdbcHandler<List<EventEnvelope<ExecutionEvent>>, PooledJdbcSession> {

  // The workspace of a later command is the one its execution started in, from the start entry
  // (always event 1): one instance handles all of an execution's events, in order, so that entry
  // is written first (earlier in the same batch, at the latest).
  private static final String INSERT = "INSERT INTO audit_log (workspace_id, at, actor, action,"
      + " entity_type, entity_id, correlation_id, details, event_seq) VALUES (COALESCE(?,"
      + " (SELECT s.workspace_id FROM audit_log s WHERE s.entity_type = ? AND s.entity_id = ?"
      + " AND s.event_seq = 1), ''), ?, ?, ?, ?, ?, ?, ?::jsonb, ?)"
      + " ON CONFLICT (entity_type, entity_id, event_seq) WHERE event_seq IS NOT NULL DO NOTHING";

  @Override
  public void process(PooledJdbcSession session, List<EventEnvelope<ExecutionEvent>> envelopes)
      throws Exception {
    session.withConnection(c -> {
      write(c, envelopes);
      return null;
    });
  }

  private static void write(Connection c, List<EventEnvelope<ExecutionEvent>> envelopes)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      int rows = 0;
      for (EventEnvelope<ExecutionEvent> envelope : envelopes) {
        String pid = envelope.persistenceId();
        String executionId = pid.substring(pid.indexOf('|') + 1);
        var entry = ExecutionAuditEntries.of(executionId, envelope.event());
        if (entry.isEmpty()) {
          continue;
        }
        AuditEntry e = entry.get();
        ps.setString(1, e.workspaceId());
        ps.setString(2, e.entityType());
        ps.setString(3, clip(e.entityId(), 255));
        ps.setTimestamp(4, Timestamp.from(envelope.event().at()));
        ps.setString(5, clip(e.actor(), 255));
        ps.setString(6, e.action());
        ps.setString(7, e.entityType());
        ps.setString(8, clip(e.entityId(), 255));
        ps.setString(9, clip(e.correlationId(), 128));
        ps.setString(10, e.details() == null ? null : e.details().toString());
        ps.setLong(11, envelope.sequenceNr());
        ps.addBatch();
        rows++;
      }
      if (rows > 0) {
        ps.executeBatch();
      }
    }
  }

  /** Fits a value to its column: a row the table refuses would stop the projection for good. */
  private static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
