package io.ordo.node.history;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.analytics.history.History;
import io.ordo.engine.runtime.execution.ExecutionTags;
import io.ordo.node.testing.ApiClient.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.javadsl.ProjectionManagement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The history is derived from the journal: rebuilt from it through the API it comes back row
 * for row, and events delivered again (the offsets lost, the rows kept) change no row.
 * Covers retries, an execution retry, a FOR_EACH and artifacts, whose rows carry counters.
 */
class HistoryRebuildIT extends HistorySupport {

  private static final String[] TABLES = {
      "SELECT * FROM executions ORDER BY execution_id",
      "SELECT * FROM execution_steps ORDER BY execution_id, step_id, item",
      "SELECT * FROM execution_artifacts ORDER BY execution_id, step_id, item, name"};

  private List<String> rows;

  @BeforeAll
  void runExecutions() throws SQLException {
    String agentId = newAgent();
    agent.on("/" + agentId + "/flaky").fail(1, 503).thenRespond(200, "{\"ok\": true}");
    String workflowId = uniqueId("rebuild");
    api.createWorkflow("""
        {"id": "%s",
         "steps": [
           {"id": "call", "type": "HTTP_REQUEST", "agent": "%s",
            "request": {"method": "POST", "path": "/%s/flaky"},
            "retry": {"strategy": "FIXED", "maxAttempts": 2, "initialDelay": "PT0.1S"}},
           {"id": "each", "type": "FOR_EACH", "dependsOn": ["call"],
            "items": "${ .input.items }",
            "step": {"type": "VALIDATION", "value": "${ .item }",
                     "schema": {"type": "integer", "maximum": 2},
                     "artifacts": [{"name": "seen", "value": "${ .item }"}]}}
         ]}""".formatted(workflowId, agentId, agentId));
    String passing = api.execute(workflowId, "{\"input\": {\"items\": [1, 2]}}");
    assertEquals("COMPLETED", awaitEnd(passing));
    // The third item fails validation; a retry runs it again and it fails again.
    String failing = api.execute(workflowId, "{\"input\": {\"items\": [1, 2, 3]}}");
    assertEquals("FAILED", awaitEnd(failing));
    Response retry = api.post("/api/v1/executions/" + failing + "/retry", "");
    assertEquals(200, retry.status(), retry::body);
    assertEquals("FAILED", awaitEnd(failing));
    JsonNode completed = awaitHistory(passing, "COMPLETED");
    assertEquals(1, completed.get("retries").asInt(), completed::toPrettyString);
    await().pollInterval(POLL).atMost(LAG).until(this::caughtUp);
    rows = tables();
    assertTrue(rows.size() > 10, "executions, steps, items and artifacts: " + rows);
  }

  @Test
  void aRebuildThroughTheApiRestoresEveryRow() throws Exception {
    long before = System.currentTimeMillis();
    Response r = api.post("/api/v1/admin/projections/history/rebuild", "");
    assertEquals(202, r.status(), r::body);
    assertEquals("history", r.json().get("projection").asText());
    assertEquals(node.engine().settings().tagBuckets(), r.json().get("instances").asInt());
    await().pollInterval(POLL).atMost(LAG).until(() -> foldedAgainSince(before) && caughtUp());
    assertEquals(rows, tables());
  }

  @Test
  void eventsDeliveredAgainChangeNoRow() throws Exception {
    long before = System.currentTimeMillis();
    var management = ProjectionManagement.get(node.system());
    int buckets = node.engine().settings().tagBuckets();
    for (int i = 0; i < buckets; i++) {
      management.clearOffset(ProjectionId.of(History.PROJECTION_NAME, ExecutionTags.PREFIX + i))
          .toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
    await().pollInterval(POLL).atMost(LAG).until(() -> foldedAgainSince(before) && caughtUp());
    assertEquals(rows, tables());
  }

  /**
   * Whether every bucket with events has stored an offset since {@code millis}: with its offset
   * gone, it can only have done so by folding its events again from the first.
   */
  private boolean foldedAgainSince(long millis) throws SQLException {
    try (Connection c = node.database().dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT (SELECT count(DISTINCT tag) FROM event_tag),"
            + " (SELECT count(*) FROM pekko_projection_offset_store WHERE projection_name = '"
            + History.PROJECTION_NAME + "' AND last_updated >= " + millis + ")")) {
      rs.next();
      return rs.getLong(1) > 0 && rs.getLong(1) == rs.getLong(2);
    }
  }

  private boolean caughtUp() {
    Response r = api.get("/api/v1/admin/projections/history");
    assertEquals(200, r.status(), r::body);
    return r.json().get("caughtUp").asBoolean();
  }

  private List<String> tables() throws SQLException {
    var all = new ArrayList<String>();
    try (Connection c = node.database().dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String query : TABLES) {
        try (ResultSet rs = s.executeQuery(query)) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            var row = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
              row.append(rs.getMetaData().getColumnName(i)).append('=')
                  .append(rs.getString(i)).append(' ');
            }
            all.add(row.toString());
          }
        }
      }
    }
    return all;
  }
}
