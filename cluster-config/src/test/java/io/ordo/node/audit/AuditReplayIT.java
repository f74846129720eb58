package io.ordo.node.audit;

import static io.ordo.node.audit.AuditSupport.requestId;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ordo.engine.runtime.projection.ExecutionIndex;
import io.ordo.node.OrdoNode;
import io.ordo.node.testing.ApiClient;
import io.ordo.node.testing.Journal;
import io.ordo.node.testing.TestNodes;
import io.ordo.node.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The execution audit is a projection: when it reads the journal again (its offsets lost, a
 * rebuild), the events it had written are not written twice.
 */
class AuditReplayIT {

  private static final String EXECUTION_ROWS =
      "SELECT count(*) FROM audit_log WHERE entity_type = 'execution'";

  private OrdoNode node;

  @AfterEach
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void readingTheJournalAgainWritesNoEntryTwice() throws Exception {
    String db = TestPostgres.freshDatabase();
    node = TestNodes.start(db);
    var api = new ApiClient(node.httpPort());
    var audit = new AuditSupport(api);
    api.createWorkflow("""
        {"id": "replayed", "steps": [{"id": "w", "type": "WAIT", "signal": "go"}]}""");
    for (int i = 0; i < 4; i++) {
      String started = requestId("start");
      String id = audit.send("POST", "/api/v1/workflows/replayed/execute", "{}", started, 202)
          .json().get("executionId").asText();
      audit.send("POST", "/api/v1/executions/" + id + "/cancel", null, requestId("cancel"), 200);
    }
    await().atMost(AuditSupport.LAG).until(() -> Journal.countRows(db, EXECUTION_ROWS) == 8);
    Map<String, String> offsets = offsets(db);
    assertFalse(offsets.isEmpty(), "the projection stored its offsets");
    node.close();

    execute(db, "DELETE FROM pekko_projection_offset_store WHERE projection_name = '"
        + ExecutionIndex.PROJECTION_NAME + "'");
    node = TestNodes.start(db);

    // Caught up again: every bucket's offset is back where it was.
    await().atMost(AuditSupport.LAG).until(() -> offsets(db).equals(offsets));
    assertEquals(8, Journal.countRows(db, EXECUTION_ROWS));
  }

  private static Map<String, String> offsets(String db) {
    var offsets = new TreeMap<String, String>();
    try (Connection c = DriverManager.getConnection(db, "postgres", "");
        PreparedStatement ps = c.prepareStatement("SELECT projection_key, current_offset FROM"
            + " pekko_projection_offset_store WHERE projection_name = ?")) {
      ps.setString(1, ExecutionIndex.PROJECTION_NAME);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          offsets.put(rs.getString(1), rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return offsets;
  }

  private static void execute(String db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(db, "postgres", "");
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.executeUpdate();
    }
  }
}
