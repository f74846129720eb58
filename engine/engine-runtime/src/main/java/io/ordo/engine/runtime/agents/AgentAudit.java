package io.ordo.engine.runtime.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.engine.model.Json;
import io.ordo.engine.runtime.audit.AuditEntry;
import io.ordo.engine.runtime.audit.AuditLog;
import io.ordo.engine.runtime.audit.Caller;
import io.ordo.engine.runtime.audit.JsonDiff;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Audit entries of agent changes. They are computed over the public view only, so no secret
 * value can reach the log; a changed secret shows as the pointer {@code /auth/secret}.
 */
final class AgentAudit {

  static final String CREATED = "agent.created";
  static final String UPDATED = "agent.updated";
  static final String DELETED = "agent.deleted";
  static final String HEALTH_CHANGED = "agent.health-changed";
  static final String SECRET_POINTER = "/auth/secret";

  private AgentAudit() {}

  /** The configuration as the API shows it, without timestamps and health. */
  static ObjectNode view(AgentRecord r) {
    ObjectNode view = Json.mapper().createObjectNode();
    view.put("id", r.agentId());
    view.put("name", r.name());
    view.put("description", r.description());
    view.put("baseUrl", r.baseUrl());
    ObjectNode auth = view.putObject("auth");
    auth.put("type", r.authType().name());
    auth.put("username", r.authUsername());
    auth.put("header", r.authHeader());
    auth.put("secretSet", r.secretSet());
    view.put("defaultTimeout", r.defaultTimeout());
    view.set("defaultRetry", r.defaultRetry());
    view.put("healthPath", r.healthPath());
    view.put("enabled", r.enabled());
    return view;
  }

  /** The pointers a replacement changed; empty when it changed nothing. */
  static List<String> changes(AgentRecord before, AgentRecord after, boolean secretChanged) {
    var changed = new ArrayList<>(JsonDiff.changedPaths(view(before), view(after)));
    if (secretChanged && !changed.contains(SECRET_POINTER)) {
      changed.add(SECRET_POINTER);
    }
    return changed;
  }

  static void created(Connection c, Caller caller, AgentRecord agent, Instant at)
      throws SQLException {
    ObjectNode view = view(agent);
    ObjectNode details = Json.mapper().createObjectNode();
    JsonDiff.changedPaths(Json.mapper().createObjectNode(), view)
        .forEach(details.putArray("changed")::add);
    details.set("agent", view);
    write(c, caller, CREATED, agent.agentId(), details, at);
  }

  static void updated(Connection c, Caller caller, String agentId, List<String> changed,
      Instant at) throws SQLException {
    ObjectNode details = Json.mapper().createObjectNode();
    changed.forEach(details.putArray("changed")::add);
    write(c, caller, UPDATED, agentId, details, at);
  }

  /** The last configuration is kept in the entry: the row itself is gone. */
  static void deleted(Connection c, Caller caller, AgentRecord agent, Instant at)
      throws SQLException {
    ObjectNode details = Json.mapper().createObjectNode();
    details.putArray("changed").add("/");
    details.set("agent", view(agent));
    write(c, caller, DELETED, agent.agentId(), details, at);
  }

  static void healthChanged(Connection c, Caller caller, String agentId,
      AgentHealth.Status from, AgentHealth health, Instant at) throws SQLException {
    ObjectNode details = Json.mapper().createObjectNode();
    details.putArray("changed").add("/health/status");
    details.put("from", from.name());
    details.put("to", health.status().name());
    details.put("detail", health.detail());
    write(c, caller, HEALTH_CHANGED, agentId, details, at);
  }

  private static void write(Connection c, Caller caller, String action, String agentId,
      JsonNode details, Instant at) throws SQLException {
    AuditLog.record(c, new AuditEntry(caller.workspaceId(), caller.actor(), action, "agent",
        agentId, caller.correlationId(), details), at);
  }
}
