package io.ordo.engine.runtime.agents;

import io.ordo.engine.runtime.ConflictException;
import io.ordo.engine.runtime.NotFoundException;
import io.ordo.engine.runtime.audit.Caller;
import io.ordo.engine.runtime.db.Jdbc;
import io.ordo.engine.runtime.definitions.Page;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Registered agents in PostgreSQL, one row per (workspace, agent). Every change and every change
 * of health status is audited in its own transaction. Secrets are written here and read back only
 * by {@link #access}, for the code that calls the agent; every other read leaves them out.
 */
public final class AgentStore {

  private static final String SELECT = "SELECT " + AgentRows.PUBLIC_COLUMNS + " FROM agents"
      + " WHERE workspace_id = ? AND agent_id = ?";

  private final Jdbc jdbc;
  private final Clock clock;
  private final List<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();

  public AgentStore(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Called with (workspace, agent) after a committed change, e.g. to drop a cached copy. */
  public void onChange(BiConsumer<String, String> listener) {
    listeners.add(listener);
  }

  public CompletionStage<AgentRecord> create(Caller caller, AgentSpec spec) {
    if (spec.auth().type().hasSecret() && spec.auth().secret() == null) {
      throw new IllegalArgumentException("a new agent with " + spec.auth().type()
          + " needs its secret");
    }
    return changed(caller, spec.agentId(), jdbc.transaction(c -> {
      Instant now = clock.instant();
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO agents (workspace_id, agent_id, "
          + AgentRows.SPEC_COLUMNS + ", created_at, updated_at)"
          + " VALUES (?,?,?,?,?,?,?,?,?,?,?::json,?,?,?,?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, caller.workspaceId());
        ps.setString(2, spec.agentId());
        int i = AgentRows.bindSpec(ps, 3, spec, spec.auth().secret());
        AgentRows.bindTime(ps, i++, now);
        AgentRows.bindTime(ps, i, now);
        if (ps.executeUpdate() == 0) {
          throw new ConflictException("agent '" + spec.agentId() + "' exists; PUT"
              + " /api/v1/agents/" + spec.agentId() + " replaces it");
        }
      }
      AgentRecord created = get(c, caller.workspaceId(), spec.agentId()).orElseThrow();
      AgentAudit.created(c, caller, created, now);
      return created;
    }));
  }

  /**
   * Replaces the agent's configuration. A null secret keeps the stored one, which is only
   * possible while the auth type stays the same; otherwise the caller raced another change.
   */
  public CompletionStage<AgentRecord> replace(Caller caller, AgentSpec spec) {
    return changed(caller, spec.agentId(), jdbc.transaction(c -> {
      Instant now = clock.instant();
      AgentAccess current = lock(c, caller.workspaceId(), spec.agentId());
      String secret = spec.auth().secret();
      if (secret == null && spec.auth().type().hasSecret()) {
        if (current.auth().type() != spec.auth().type() || current.auth().secret() == null) {
          throw new ConflictException("the auth type of agent '" + spec.agentId()
              + "' changed meanwhile; send the secret with the new type");
        }
        secret = current.auth().secret();
      }
      if (!spec.auth().type().hasSecret()) {
        secret = null;
      }
      boolean secretChanged = !Objects.equals(secret, current.auth().secret());
      try (PreparedStatement ps = c.prepareStatement("UPDATE agents SET name = ?,"
          + " description = ?, base_url = ?, auth_type = ?, auth_username = ?, auth_header = ?,"
          + " auth_secret = ?, default_timeout = ?, default_retry = ?::json, health_path = ?,"
          + " enabled = ?, updated_at = ? WHERE workspace_id = ? AND agent_id = ?")) {
        int i = AgentRows.bindSpec(ps, 1, spec, secret);
        AgentRows.bindTime(ps, i++, now);
        ps.setString(i++, caller.workspaceId());
        ps.setString(i, spec.agentId());
        ps.executeUpdate();
      }
      AgentRecord updated = get(c, caller.workspaceId(), spec.agentId()).orElseThrow();
      List<String> changes = AgentAudit.changes(current.agent(), updated, secretChanged);
      if (changes.isEmpty()) {
        // Nothing changed: the repeat of a replacement leaves no trace, not even a new time.
        c.rollback();
        return current.agent();
      }
      AgentAudit.updated(c, caller, spec.agentId(), changes, now);
      return updated;
    }));
  }

  /** Deletes the row for good; the audit entry keeps its last configuration. */
  public CompletionStage<Void> delete(Caller caller, String agentId) {
    return changed(caller, agentId, jdbc.transaction(c -> {
      AgentAccess current = lock(c, caller.workspaceId(), agentId);
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM agents WHERE workspace_id = ? AND agent_id = ?")) {
        ps.setString(1, caller.workspaceId());
        ps.setString(2, agentId);
        ps.executeUpdate();
      }
      AgentAudit.deleted(c, caller, current.agent(), clock.instant());
      return null;
    }));
  }

  public CompletionStage<Optional<AgentRecord>> get(String workspaceId, String agentId) {
    return jdbc.query(c -> get(c, workspaceId, agentId));
  }

  /** The agent with its credentials, for calling it; empty when there is no such agent. */
  public CompletionStage<Optional<AgentAccess>> access(String workspaceId, String agentId) {
    return jdbc.query(c -> access(c, workspaceId, agentId, ""));
  }

  public CompletionStage<Page<AgentRecord>> list(String workspaceId, AgentQuery query) {
    return jdbc.query(c -> {
      String filter = " WHERE workspace_id = ?"
          + (query.enabled() == null ? "" : " AND enabled = ?")
          + (query.search() == null ? "" : " AND (agent_id ILIKE ? OR name ILIKE ?)");
      String sql = "SELECT " + AgentRows.PUBLIC_COLUMNS + ", count(*) OVER () AS total"
          + " FROM agents" + filter + " ORDER BY " + query.orderColumn()
          + (query.descending() ? " DESC" : " ASC") + ", agent_id LIMIT ? OFFSET ?";
      var items = new ArrayList<AgentRecord>();
      long total = 0;
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = bindFilter(ps, workspaceId, query);
        ps.setInt(i++, query.limit());
        ps.setInt(i, query.offset());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            total = rs.getLong("total");
            items.add(AgentRows.read(rs));
          }
        }
      }
      if (items.isEmpty() && query.offset() > 0) {
        // Past the last page the window function has no row to report the total on.
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM agents" + filter)) {
          bindFilter(ps, workspaceId, query);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            total = rs.getLong(1);
          }
        }
      }
      return new Page<>(items, total, query.limit(), query.offset());
    });
  }

  /**
   * Records a health check's outcome; a change of status is audited. Answers false when the
   * agent is gone (deleted while it was being checked).
   */
  public CompletionStage<Boolean> recordHealth(Caller caller, String agentId,
      AgentHealth health) {
    return jdbc.transaction(c -> {
      Optional<AgentRecord> current = get(c, caller.workspaceId(), agentId, " FOR UPDATE");
      if (current.isEmpty()) {
        return false;
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE agents SET health_status = ?,"
          + " health_http_status = ?, health_checked_at = ?, health_latency_ms = ?,"
          + " health_detail = ? WHERE workspace_id = ? AND agent_id = ?")) {
        ps.setString(1, health.status().name());
        ps.setObject(2, health.httpStatus(), java.sql.Types.INTEGER);
        AgentRows.bindTime(ps, 3, health.checkedAt());
        ps.setObject(4, health.latencyMs(), java.sql.Types.BIGINT);
        ps.setString(5, health.detail());
        ps.setString(6, caller.workspaceId());
        ps.setString(7, agentId);
        ps.executeUpdate();
      }
      AgentHealth.Status before = current.get().health().status();
      if (before != health.status()) {
        AgentAudit.healthChanged(c, caller, agentId, before, health, health.checkedAt());
      }
      return true;
    });
  }

  private <T> CompletionStage<T> changed(Caller caller, String agentId, CompletionStage<T> write) {
    return write.thenApply(result -> {
      listeners.forEach(l -> l.accept(caller.workspaceId(), agentId));
      return result;
    });
  }

  private static AgentAccess lock(Connection c, String workspaceId, String agentId)
      throws SQLException {
    return access(c, workspaceId, agentId, " FOR UPDATE")
        .orElseThrow(() -> new NotFoundException("no agent '" + agentId + "'"));
  }

  private static Optional<AgentAccess> access(Connection c, String workspaceId, String agentId,
      String suffix) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + AgentRows.PUBLIC_COLUMNS
        + ", auth_secret FROM agents WHERE workspace_id = ? AND agent_id = ?" + suffix)) {
      ps.setString(1, workspaceId);
      ps.setString(2, agentId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        AgentRecord agent = AgentRows.read(rs);
        return Optional.of(new AgentAccess(agent, new AgentAuth(agent.authType(),
            agent.authUsername(), agent.authHeader(), rs.getString("auth_secret"))));
      }
    }
  }

  private static Optional<AgentRecord> get(Connection c, String workspaceId, String agentId)
      throws SQLException {
    return get(c, workspaceId, agentId, "");
  }

  private static Optional<AgentRecord> get(Connection c, String workspaceId, String agentId,
      String suffix) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + suffix)) {
      ps.setString(1, workspaceId);
      ps.setString(2, agentId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(AgentRows.read(rs)) : Optional.empty();
      }
    }
  }

  private static int bindFilter(PreparedStatement ps, String workspaceId, AgentQuery query)
      throws SQLException {
    int i = 1;
    ps.setString(i++, workspaceId);
    if (query.enabled() != null) {
      ps.setBoolean(i++, query.enabled());
    }
    if (query.search() != null) {
      String like = AgentRows.likePattern(query.search());
      ps.setString(i++, like);
      ps.setString(i++, like);
    }
    return i;
  }
}
