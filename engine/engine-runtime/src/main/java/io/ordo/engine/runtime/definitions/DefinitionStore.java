package io.ordo.engine.runtime.definitions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.engine.model.Json;
import io.ordo.engine.model.WorkflowDefinition;
import io.ordo.engine.runtime.ConflictException;
import io.ordo.engine.runtime.NotFoundException;
import io.ordo.engine.runtime.audit.AuditEntry;
import io.ordo.engine.runtime.audit.AuditLog;
import io.ordo.engine.runtime.audit.Caller;
import io.ordo.engine.runtime.audit.JsonDiff;
import io.ordo.engine.runtime.db.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Workflow definitions in PostgreSQL. Every update is a new immutable version; archiving hides a
 * workflow from new starts but keeps every version for the executions that pinned one. Each
 * change is audited in its own transaction.
 */
public final class DefinitionStore {

  private static final String SELECT_VERSION = "SELECT w.workspace_id, w.workflow_id, w.name,"
      + " w.description, v.version, w.latest_version, w.archived, w.created_at, w.updated_at,"
      + " v.created_at AS version_created_at, v.definition FROM workflows w JOIN workflow_versions v"
      + " ON v.workspace_id = w.workspace_id AND v.workflow_id = w.workflow_id"
      + " WHERE w.workspace_id = ? AND w.workflow_id = ? AND v.version = ";

  private final Jdbc jdbc;
  private final Clock clock;

  public DefinitionStore(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public CompletionStage<WorkflowRecord> create(Caller caller, WorkflowDefinition definition) {
    return jdbc.transaction(c -> {
      Instant now = clock.instant();
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO workflows (workspace_id,"
          + " workflow_id, name, description, latest_version, archived, created_at, updated_at)"
          + " VALUES (?,?,?,?,1,false,?,?) ON CONFLICT DO NOTHING")) {
        ps.setString(1, caller.workspaceId());
        ps.setString(2, definition.id());
        ps.setString(3, definition.name());
        ps.setString(4, definition.description());
        ps.setTimestamp(5, Timestamp.from(now));
        ps.setTimestamp(6, Timestamp.from(now));
        if (ps.executeUpdate() == 0) {
          throw new ConflictException("workflow '" + definition.id()
              + "' exists; PUT /api/v1/workflows/" + definition.id() + " adds a version");
        }
      }
      insertVersion(c, caller, definition, 1, now);
      audit(c, caller, "workflow.created", definition.id(), details(1, null, null), now);
      return get(c, caller.workspaceId(), definition.id(), 1).orElseThrow();
    });
  }

  /** Adds a version; an archived workflow comes back into use. */
  public CompletionStage<WorkflowRecord> update(Caller caller, WorkflowDefinition definition) {
    return jdbc.transaction(c -> {
      Instant now = clock.instant();
      int latest = lockLatest(c, caller.workspaceId(), definition.id());
      JsonNode previous = get(c, caller.workspaceId(), definition.id(), latest).orElseThrow()
          .definition();
      try (PreparedStatement ps = c.prepareStatement("UPDATE workflows SET latest_version = ?,"
          + " name = ?, description = ?, archived = false, updated_at = ?"
          + " WHERE workspace_id = ? AND workflow_id = ?")) {
        ps.setInt(1, latest + 1);
        ps.setString(2, definition.name());
        ps.setString(3, definition.description());
        ps.setTimestamp(4, Timestamp.from(now));
        ps.setString(5, caller.workspaceId());
        ps.setString(6, definition.id());
        ps.executeUpdate();
      }
      insertVersion(c, caller, definition, latest + 1, now);
      audit(c, caller, "workflow.updated", definition.id(),
          details(latest + 1, latest, JsonDiff.changedPaths(previous, definition.source())), now);
      return get(c, caller.workspaceId(), definition.id(), latest + 1).orElseThrow();
    });
  }

  public CompletionStage<WorkflowRecord> archive(Caller caller, String workflowId) {
    return jdbc.transaction(c -> {
      Instant now = clock.instant();
      int latest = lockLatest(c, caller.workspaceId(), workflowId);
      try (PreparedStatement ps = c.prepareStatement("UPDATE workflows SET archived = true,"
          + " updated_at = ? WHERE workspace_id = ? AND workflow_id = ? AND NOT archived")) {
        ps.setTimestamp(1, Timestamp.from(now));
        ps.setString(2, caller.workspaceId());
        ps.setString(3, workflowId);
        if (ps.executeUpdate() > 0) {
          audit(c, caller, "workflow.archived", workflowId, details(latest, null, null), now);
        }
      }
      return get(c, caller.workspaceId(), workflowId, latest).orElseThrow();
    });
  }

  /** A version, or the latest when {@code version} is null. */
  public CompletionStage<Optional<WorkflowRecord>> get(String workspaceId, String workflowId,
      Integer version) {
    return jdbc.query(c -> get(c, workspaceId, workflowId, version));
  }

  public CompletionStage<Page<WorkflowSummary>> list(String workspaceId, WorkflowQuery query) {
    return jdbc.query(c -> {
      String sql = "SELECT workflow_id, name, description, latest_version, archived, created_at,"
          + " updated_at, count(*) OVER () AS total FROM workflows WHERE workspace_id = ?"
          + (query.includeArchived() ? "" : " AND NOT archived")
          + (query.search() == null ? "" : " AND (workflow_id ILIKE ? OR name ILIKE ?)")
          + " ORDER BY " + query.orderColumn() + (query.descending() ? " DESC" : " ASC")
          + ", workflow_id LIMIT ? OFFSET ?";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = 1;
        ps.setString(i++, workspaceId);
        if (query.search() != null) {
          String like = likePattern(query.search());
          ps.setString(i++, like);
          ps.setString(i++, like);
        }
        ps.setInt(i++, query.limit());
        ps.setInt(i, query.offset());
        var items = new ArrayList<WorkflowSummary>();
        long total = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            total = rs.getLong("total");
            items.add(new WorkflowSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getInt(4), rs.getBoolean(5), rs.getTimestamp(6).toInstant(),
                rs.getTimestamp(7).toInstant()));
          }
        }
        if (items.isEmpty() && query.offset() > 0) {
          total = count(c, workspaceId, query);
        }
        return new Page<>(items, total, query.limit(), query.offset());
      }
    });
  }

  public CompletionStage<List<VersionInfo>> versions(String workspaceId, String workflowId) {
    return jdbc.query(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT version, created_at, created_by"
          + " FROM workflow_versions WHERE workspace_id = ? AND workflow_id = ? ORDER BY version")) {
        ps.setString(1, workspaceId);
        ps.setString(2, workflowId);
        var versions = new ArrayList<VersionInfo>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            versions.add(new VersionInfo(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                rs.getString(3)));
          }
        }
        if (versions.isEmpty()) {
          throw new NotFoundException("no workflow '" + workflowId + "'");
        }
        return versions;
      }
    });
  }

  /** The stored document of one version, for an execution recovering on any node. */
  public CompletionStage<JsonNode> source(WorkflowKey key) {
    return get(key.workspaceId(), key.workflowId(), key.version()).thenApply(found -> found
        .orElseThrow(() -> new NotFoundException("no workflow version " + key)).definition());
  }

  private Optional<WorkflowRecord> get(Connection c, String workspaceId, String workflowId,
      Integer version) throws SQLException {
    String sql = SELECT_VERSION + (version == null ? "w.latest_version" : "?");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, workspaceId);
      ps.setString(2, workflowId);
      if (version != null) {
        ps.setInt(3, version);
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new WorkflowRecord(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getBoolean(7),
            rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(),
            rs.getTimestamp(10).toInstant(), parse(rs.getString(11))));
      }
    }
  }

  private static int lockLatest(Connection c, String workspaceId, String workflowId)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT latest_version FROM workflows"
        + " WHERE workspace_id = ? AND workflow_id = ? FOR UPDATE")) {
      ps.setString(1, workspaceId);
      ps.setString(2, workflowId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("no workflow '" + workflowId + "'");
        }
        return rs.getInt(1);
      }
    }
  }

  private static long count(Connection c, String workspaceId, WorkflowQuery query)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM workflows"
        + " WHERE workspace_id = ?" + (query.includeArchived() ? "" : " AND NOT archived")
        + (query.search() == null ? "" : " AND (workflow_id ILIKE ? OR name ILIKE ?)"))) {
      ps.setString(1, workspaceId);
      if (query.search() != null) {
        String like = likePattern(query.search());
        ps.setString(2, like);
        ps.setString(3, like);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void insertVersion(Connection c, Caller caller, WorkflowDefinition definition,
      int version, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO workflow_versions (workspace_id,"
        + " workflow_id, version, definition, created_at, created_by) VALUES (?,?,?,?::json,?,?)")) {
      ps.setString(1, caller.workspaceId());
      ps.setString(2, definition.id());
      ps.setInt(3, version);
      ps.setString(4, definition.source().toString());
      ps.setTimestamp(5, Timestamp.from(now));
      ps.setString(6, caller.actor());
      ps.executeUpdate();
    }
  }

  private static void audit(Connection c, Caller caller, String action, String workflowId,
      JsonNode details, Instant now) throws SQLException {
    AuditLog.record(c, new AuditEntry(caller.workspaceId(), caller.actor(), action, "workflow",
        workflowId, caller.correlationId(), details), now);
  }

  private static JsonNode details(int version, Integer previous, List<String> changed) {
    ObjectNode details = Json.mapper().createObjectNode();
    details.put("version", version);
    if (previous != null) {
      details.put("previousVersion", previous);
    }
    if (changed != null) {
      changed.forEach(details.putArray("changed")::add);
    }
    return details;
  }

  private static String likePattern(String search) {
    return "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static JsonNode parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored definition that is not JSON", e);
    }
  }
}
