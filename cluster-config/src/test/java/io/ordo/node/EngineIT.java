package io.ordo.node;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.runtime.metrics.OrdoMetrics;
import io.ordo.node.testing.ApiClient;
import io.ordo.node.testing.HeldEntities;
import io.ordo.node.testing.Journal;
import io.ordo.node.testing.TestNodes;
import io.ordo.node.testing.TestPostgres;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The engine on a real PostgreSQL journal, with every step run by a step actor (the path work
 * steps take) and executions leaving memory quickly, so reads recover them from the journal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineIT {

  private String db;
  private OrdoNode node;
  private ApiClient api;

  @BeforeAll
  void start() {
    db = TestPostgres.freshDatabase();
    node = TestNodes.start(db, Map.of(
        "ordo.engine.inline-pure-steps", "off",
        "ordo.engine.passivate-after-end", "200ms",
        "ordo.engine.passivate-when-idle", "200ms"));
    api = new ApiClient(node.httpPort());
  }

  @AfterAll
  void stop() {
    node.close();
  }

  private JsonNode runToEnd(String workflowId, String input) {
    String id = api.execute(workflowId, "{\"input\": " + input + "}");
    await().atMost(Duration.ofSeconds(20)).until(() -> !api.status(id).equals("RUNNING"));
    return api.execution(id);
  }

  @Test
  void stepActorsRunEachStepAndEveryAttemptIsJournaledBeforeItRuns() {
    api.createWorkflow("""
        {"id": "actors", "steps": [
          {"id": "a", "type": "DATA_TRANSFORM", "expression": "${ .input.x + 1 }"},
          {"id": "b", "type": "DATA_TRANSFORM", "dependsOn": ["a"],
           "expression": "${ .steps.a.output * 10 }"},
          {"id": "check", "type": "VALIDATION", "dependsOn": ["b"],
           "value": "${ .steps.b.output }", "schema": {"type": "integer", "minimum": 0}}],
         "output": "${ .steps.check.output }"}""");
    JsonNode done = runToEnd("actors", "{\"x\": 4}");
    assertEquals("COMPLETED", done.get("status").asText());
    assertEquals(50, done.get("output").asInt());
    String id = done.get("id").asText();
    assertEquals(3, Journal.count(db, id, "StepStarted"));
    assertEquals(3, Journal.count(db, id, "StepSucceeded"));
  }

  @Test
  void aFailedValidationFailsTheExecutionWithEverySchemaViolation() {
    api.createWorkflow("""
        {"id": "strict", "steps": [
          {"id": "check", "type": "VALIDATION", "value": "${ .input }",
           "schema": {"type": "object", "required": ["sku", "qty"]}}]}""");
    JsonNode failed = runToEnd("strict", "{}");
    assertEquals("FAILED", failed.get("status").asText());
    JsonNode error = failed.get("error");
    assertEquals("VALIDATION_FAILED", error.get("class").asText());
    assertEquals("check", error.get("stepId").asText());
    assertEquals(2, error.get("details").size(), error.toString());
  }

  @Test
  void aLongExecutionIsSnapshottedAndRecoversFromTheSnapshotIntact() throws Exception {
    api.createWorkflow("""
        {"id": "many", "steps": [
          {"id": "each", "type": "FOR_EACH", "items": "${ [range(0; 150)] }",
           "concurrency": 50,
           "step": {"type": "DATA_TRANSFORM", "expression": "${ .item * 2 }"}}],
         "output": "${ .steps.each.output | add }"}""");
    JsonNode done = runToEnd("many", "{}");
    assertEquals("COMPLETED", done.get("status").asText());
    assertEquals(2 * (149 * 150 / 2), done.get("output").asInt());
    String id = done.get("id").asText();
    await().atMost(Duration.ofSeconds(10)).until(() -> Journal.countRows(db,
        "SELECT count(*) FROM snapshot WHERE persistence_id = 'Execution|" + id + "'") > 0);
    // Wait for the entity to leave memory; the next read recovers it from snapshot and journal.
    await().atMost(Duration.ofSeconds(10)).until(() -> !entityIsAlive(id));
    assertFalse(entityIsAlive(id));
    // What left memory is no longer counted as held.
    await().atMost(Duration.ofSeconds(10)).until(() -> OrdoMetrics.get(node.system()).registry()
        .get("ordo.executions.in.memory").gauge().value() == HeldEntities.of(node).size());
    JsonNode recovered = api.execution(id);
    assertEquals(done.get("output"), recovered.get("output"));
    assertEquals(done.get("steps"), recovered.get("steps"));
  }

  @Test
  void anExecutionPastItsWorkflowTimeoutTimesOutAndStopsWaiting() {
    api.createWorkflow("""
        {"id": "slow", "timeout": "PT1S", "steps": [
          {"id": "forever", "type": "WAIT", "duration": "PT1H"}]}""");
    JsonNode ended = runToEnd("slow", "{}");
    assertEquals("TIMED_OUT", ended.get("status").asText());
    assertEquals("CANCELLED", ended.get("steps").get(0).get("status").asText());
    String id = ended.get("id").asText();
    await().atMost(Duration.ofSeconds(10)).until(() -> Journal.countRows(db,
        "SELECT count(*) FROM execution_wakeups WHERE execution_id = '" + id + "'") == 0);
  }

  @Test
  void aParkedExecutionIsIndexedForItsTimerAndLeavesTheIndexWhenCancelled() {
    api.createWorkflow("""
        {"id": "parked", "steps": [{"id": "later", "type": "WAIT", "duration": "PT1H"}]}""");
    String id = api.execute("parked", "{}");
    String row = "SELECT count(*) FROM execution_wakeups WHERE execution_id = '" + id + "'";
    // Parked at its timer straight from the journal, not after a liveness wake-up (30 s).
    await().atMost(Duration.ofSeconds(10)).until(() -> Journal.countRows(db, row
        + " AND parked AND wake_at > now() + interval '59 minutes'") == 1);
    assertEquals(200, api.post("/api/v1/executions/" + id + "/cancel", "{}").status());
    await().atMost(Duration.ofSeconds(10)).until(() -> Journal.countRows(db, row) == 0);
  }

  private boolean entityIsAlive(String executionId) throws Exception {
    return HeldEntities.of(node).contains(executionId);
  }

}
