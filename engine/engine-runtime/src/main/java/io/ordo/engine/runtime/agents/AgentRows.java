package io.ordo.engine.runtime.agents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/** Reading and writing rows of {@code agents}. The public columns never include the secret. */
final class AgentRows {

  /** Every public column; the secret only as whether it is set. */
  static final String PUBLIC_COLUMNS = "workspace_id, agent_id, name, description, base_url,"
      + " auth_type, auth_username, auth_header, auth_secret IS NOT NULL AS secret_set,"
      + " default_timeout, default_retry, health_path, enabled, health_status,"
      + " health_http_status, health_checked_at, health_latency_ms, health_detail, created_at,"
      + " updated_at";

  /** The columns a create or a replacement sets, in the order {@link #bindSpec} binds them. */
  static final String SPEC_COLUMNS = "name, description, base_url, auth_type, auth_username,"
      + " auth_header, auth_secret, default_timeout, default_retry, health_path, enabled";

  private AgentRows() {}

  static AgentRecord read(ResultSet rs) throws SQLException {
    Timestamp checked = rs.getTimestamp("health_checked_at");
    long latency = rs.getLong("health_latency_ms");
    Long latencyMs = rs.wasNull() ? null : latency;
    int http = rs.getInt("health_http_status");
    Integer httpStatus = rs.wasNull() ? null : http;
    var health = new AgentHealth(AgentHealth.Status.valueOf(rs.getString("health_status")),
        httpStatus, checked == null ? null : checked.toInstant(), latencyMs,
        rs.getString("health_detail"));
    return new AgentRecord(rs.getString("workspace_id"), rs.getString("agent_id"),
        rs.getString("name"), rs.getString("description"), rs.getString("base_url"),
        AgentAuth.Type.valueOf(rs.getString("auth_type")), rs.getString("auth_username"),
        rs.getString("auth_header"), rs.getBoolean("secret_set"),
        rs.getString("default_timeout"), json(rs.getString("default_retry")),
        rs.getString("health_path"), rs.getBoolean("enabled"), health,
        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
  }

  /** Binds {@link #SPEC_COLUMNS} from parameter {@code first} on; answers the next index. */
  static int bindSpec(PreparedStatement ps, int first, AgentSpec spec, String secret)
      throws SQLException {
    int i = first;
    ps.setString(i++, spec.name());
    ps.setString(i++, spec.description());
    ps.setString(i++, spec.baseUrl());
    ps.setString(i++, spec.auth().type().name());
    ps.setString(i++, spec.auth().username());
    ps.setString(i++, spec.auth().header());
    ps.setString(i++, secret);
    ps.setString(i++, spec.defaultTimeout());
    if (spec.defaultRetry() == null) {
      ps.setNull(i++, Types.VARCHAR);
    } else {
      ps.setString(i++, spec.defaultRetry().toString());
    }
    ps.setString(i++, spec.healthPath());
    ps.setBoolean(i++, spec.enabled());
    return i;
  }

  static void bindTime(PreparedStatement ps, int index, Instant at) throws SQLException {
    ps.setTimestamp(index, Timestamp.from(at));
  }

  static String likePattern(String search) {
    return "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static JsonNode json(String text) throws SQLException {
    if (text == null) {
      return null;
    }
    try {
      return Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new SQLException("a stored retry policy that is not JSON", e);
    }
  }
}
