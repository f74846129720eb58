package io.ordo.node;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.node.testing.ApiClient;
import io.ordo.node.testing.Journal;
import io.ordo.node.testing.TestNodes;
import io.ordo.node.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Durable timers across the loss of the only node: nothing lost, nothing run twice. */
class RestartIT {

  private static final String WAITING_WORKFLOW = """
      {"id": "nap", "steps": [
        {"id": "nap", "type": "WAIT", "duration": "PT6S"},
        {"id": "after", "type": "DATA_TRANSFORM", "dependsOn": ["nap"],
         "expression": "${ {woke: .steps.nap.output.firedAt} }"}]}""";

  @Test
  void aWaitingExecutionCompletesExactlyOnceAfterTheNodeWasDownAtItsDueTime() {
    String db = TestPostgres.freshDatabase();
    String id;
    Instant due;
    try (OrdoNode node = TestNodes.start(db)) {
      var api = new ApiClient(node.httpPort());
      api.createWorkflow(WAITING_WORKFLOW);
      id = api.execute("nap", "{}");
      JsonNode nap = api.execution(id).get("steps").get(0);
      assertEquals("RUNNING", nap.get("status").asText());
      due = Instant.parse(nap.get("dueAt").asText());
    }
    assertTrue(Instant.now().isBefore(due), "the node must be down before the timer is due");
    await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(due));

    try (OrdoNode node = TestNodes.start(db)) {
      var api = new ApiClient(node.httpPort());
      await().atMost(Duration.ofSeconds(20)).until(() -> api.status(id).equals("COMPLETED"));
      JsonNode done = api.execution(id);
      Instant firedAt = Instant.parse(done.get("output").get("after").get("woke").asText());
      assertTrue(!firedAt.isBefore(due), "fired at " + firedAt + ", due " + due);
    }
    assertEquals(1, Journal.count(db, id, "StepWaiting"));
    assertEquals(2, Journal.count(db, id, "StepSucceeded"), "the timer and the step after it");
    assertEquals(1, Journal.count(db, id, "ExecutionCompleted"));
  }

  @Test
  void aTimerThatComesDueWhileTheNodeIsUpFiresWithoutTheNodeHoldingTheExecution() {
    String db = TestPostgres.freshDatabase();
    // Passivate at once: the execution leaves memory and only the wake-up index can revive it.
    var quickToPassivate = java.util.Map.<String, Object>of(
        "ordo.engine.passivate-when-idle", "100ms");
    try (OrdoNode node = TestNodes.start(db, quickToPassivate)) {
      var api = new ApiClient(node.httpPort());
      api.createWorkflow(WAITING_WORKFLOW.replace("PT6S", "PT3S"));
      String id = api.execute("nap", "{}");
      // Watch the journal, not the API: a read would bring the execution back into memory.
      await().atMost(Duration.ofSeconds(20))
          .until(() -> Journal.count(db, id, "ExecutionCompleted") == 1);
      assertEquals("COMPLETED", api.status(id));
    }
  }
}
