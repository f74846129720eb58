package io.ordo.node.resilience;

import static io.ordo.node.resilience.Resilience.awaitEnd;
import static io.ordo.node.resilience.Resilience.awaitStep;
import static io.ordo.node.resilience.Resilience.instant;
import static io.ordo.node.resilience.Resilience.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.node.OrdoNode;
import io.ordo.node.testing.ApiClient;
import io.ordo.node.testing.Journal;
import io.ordo.node.testing.TestNodes;
import io.ordo.node.testing.TestPostgres;
import io.ordo.testkit.RecordedCall;
import io.ordo.testkit.TestAgent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A retry that is pending when its node goes away is durable: a fresh node on the same database
 * makes the attempt when it is due (not before), and the execution completes exactly once.
 */
class PendingRetryRestartIT {

  @Test
  void aRetryPendingWhileTheNodeIsDownHappensAfterTheRestartAndCompletesOnce() {
    String db = TestPostgres.freshDatabase();
    String id;
    try (TestAgent agent = TestAgent.start()) {
      String agentId = Resilience.uniqueId("restart");
      String path = "/" + agentId;
      agent.on(path).fail(1, 503).thenRespond(200, "{\"ok\": true}");
      Instant due;
      try (OrdoNode node = TestNodes.start(db)) {
        var api = new ApiClient(node.httpPort());
        Resilience.registerAgent(api, agent.url(), agentId, "");
        String workflowId = Resilience.uniqueId("restart");
        api.createWorkflow(Resilience.callWorkflow(workflowId, agentId, path, "\"retry\":"
            + " {\"strategy\": \"FIXED\", \"maxAttempts\": 2, \"initialDelay\": \"PT4S\"}"));
        id = api.execute(workflowId, "{}");
        JsonNode retrying = step(awaitStep(api, id, "call", "RETRYING"), "call");
        assertEquals(1, retrying.get("attempts").asInt(), retrying::toPrettyString);
        assertEquals("HTTP_5XX", retrying.at("/error/class").asText());
        due = instant(retrying.get("dueAt"));
      }
      assertTrue(Instant.now().isBefore(due), "the node was down before the retry was due");
      assertEquals(1, agent.callCount(path));

      try (OrdoNode node = TestNodes.start(db)) {
        var api = new ApiClient(node.httpPort());
        JsonNode done = awaitEnd(api, id, "COMPLETED");
        assertEquals(2, step(done, "call").get("attempts").asInt());
      }
      List<RecordedCall> calls = agent.calls(path);
      assertEquals(2, calls.size(), () -> "calls: " + calls);
      assertFalse(calls.get(1).receivedAt().isBefore(due),
          "retried at " + calls.get(1).receivedAt() + ", due " + due);
      assertEquals(calls.get(0).idempotencyKey(), calls.get(1).idempotencyKey());
    }
    assertEquals(1, Journal.count(db, id, "ExecutionCompleted"));
    assertEquals(2, Journal.count(db, id, "StepStarted"), "one per attempt of the one HTTP step");
    assertEquals(1, Journal.count(db, id, "StepRetryScheduled"));
  }
}
