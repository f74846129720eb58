package io.ordo.engine.runtime.breakers;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ordo.engine.model.Json;
import io.ordo.engine.runtime.audit.AuditEntry;
import io.ordo.engine.runtime.audit.AuditLog;
import io.ordo.engine.runtime.audit.Caller;
import io.ordo.engine.runtime.db.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Breaker configurations set through the API, kept in PostgreSQL so they survive a full cluster
 * restart (the replicated states do not); every change and reset is audited.
 */
final class BreakerConfigStore {

  private final Jdbc jdbc;
  private final Clock clock;

  BreakerConfigStore(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  CompletionStage<Map<String, BreakerConfig>> all() {
    return jdbc.query(c -> {
      var configs = new HashMap<String, BreakerConfig>();
      try (PreparedStatement ps = c.prepareStatement(
              "SELECT breaker_id, config FROM breaker_configs");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          configs.put(rs.getString(1), Json.mapper().readValue(rs.getString(2),
              BreakerConfig.class));
        }
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a stored breaker configuration is not readable", e);
      }
      return configs;
    });
  }

  CompletionStage<Void> save(Caller caller, String breakerId, BreakerConfig config) {
    return jdbc.transaction(c -> {
      var now = clock.instant();
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO breaker_configs"
          + " (breaker_id, config, updated_at, updated_by) VALUES (?, ?::json, ?, ?)"
          + " ON CONFLICT (breaker_id) DO UPDATE SET config = EXCLUDED.config,"
          + " updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by")) {
        ps.setString(1, breakerId);
        ps.setString(2, Json.mapper().writeValueAsString(config));
        ps.setTimestamp(3, Timestamp.from(now));
        ps.setString(4, caller.actor());
        ps.executeUpdate();
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      audit(c, caller, "circuit-breaker.configured", breakerId, now);
      return null;
    });
  }

  CompletionStage<Void> recordReset(Caller caller, String breakerId) {
    return jdbc.transaction(c -> {
      audit(c, caller, "circuit-breaker.reset", breakerId, clock.instant());
      return null;
    });
  }

  private static void audit(java.sql.Connection c, Caller caller, String action, String id,
      java.time.Instant now) throws java.sql.SQLException {
    AuditLog.record(c, new AuditEntry(caller.workspaceId(), caller.actor(), action,
        "circuit-breaker", id, caller.correlationId(), null), now);
  }
}
