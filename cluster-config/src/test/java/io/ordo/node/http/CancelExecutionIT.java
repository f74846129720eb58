package io.ordo.node.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.node.testing.ApiClient.Response;
import io.ordo.node.testing.Journal;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /executions/{id}/cancel}: stops a running execution, idempotently. */
class CancelExecutionIT extends ApiTestSupport {

  private String waiting;
  private String inline;

  @BeforeAll
  void createWorkflows() {
    waiting = uniqueId("nap");
    api.createWorkflow("""
        {"id": "%s", "steps": [
          {"id": "nap", "type": "WAIT", "duration": "${ .input.wait }"},
          {"id": "after", "type": "DATA_TRANSFORM", "dependsOn": ["nap"], "expression": 1}]}"""
        .formatted(waiting));
    inline = uniqueId("inline");
    api.createWorkflow(transformWorkflow(inline));
  }

  @Test
  void cancellingAWaitingExecutionAnswersItCancelledWithTheReasonAndWho() {
    String id = api.execute(waiting, "{\"input\": {\"wait\": \"PT1H\"}}");
    assertEquals("RUNNING", api.status(id));

    Response r = api.post("/api/v1/executions/" + id + "/cancel",
        "{\"reason\": \"customer withdrew\"}");

    assertEquals(200, r.status(), r.body());
    JsonNode ex = r.json();
    assertEquals(id, ex.get("id").asText());
    assertEquals("CANCELLED", ex.get("status").asText());
    assertEquals("customer withdrew", ex.at("/error/message").asText());
    assertEquals("anonymous", ex.at("/error/by").asText());
    assertEquals("CANCELLED", ex.at("/error/class").asText());
    assertTrue(ex.hasNonNull("completedAt"), ex.toString());
    JsonNode nap = ex.get("steps").get(0);
    assertEquals("nap", nap.get("id").asText());
    assertEquals("CANCELLED", nap.get("status").asText());
    assertTrue(nap.hasNonNull("completedAt"), nap.toString());
    // Read back, the execution says the same.
    assertEquals(ex, api.execution(id));
    assertEquals(1, Journal.count(db, id, "ExecutionCancelled"));
  }

  @Test
  void cancellingAgainAnswers200AndChangesNothing() {
    String id = api.execute(waiting, "{\"input\": {\"wait\": \"PT1H\"}}");
    JsonNode first = api.post("/api/v1/executions/" + id + "/cancel",
        "{\"reason\": \"first\"}").json();

    Response again = api.post("/api/v1/executions/" + id + "/cancel", "{\"reason\": \"second\"}");

    assertEquals(200, again.status(), again.body());
    assertEquals("CANCELLED", again.json().get("status").asText());
    assertEquals("first", again.json().at("/error/message").asText());
    assertEquals(first.get("completedAt"), again.json().get("completedAt"));
    assertEquals(1, Journal.count(db, id, "ExecutionCancelled"));
  }

  @Test
  void aCancelNeedsNoBody() {
    String id = api.execute(waiting, "{\"input\": {\"wait\": \"PT1H\"}}");

    Response r = api.send(api.request("/api/v1/executions/" + id + "/cancel")
        .POST(BodyPublishers.noBody()));

    assertEquals(200, r.status(), r.body());
    assertEquals("CANCELLED", r.json().get("status").asText());
    assertEquals("anonymous", r.json().at("/error/by").asText());
  }

  @Test
  void cancellingACompletedExecutionIs409AndLeavesItCompleted() {
    String id = api.execute(inline, "{\"input\": {\"n\": 1}}");
    assertEquals("COMPLETED", api.status(id));

    JsonNode problem = assertProblem(api.post("/api/v1/executions/" + id + "/cancel", "{}"), 409);

    assertTrue(problem.get("detail").asText().contains("COMPLETED"), problem.toString());
    assertEquals("COMPLETED", api.status(id));
    assertEquals(0, Journal.count(db, id, "ExecutionCancelled"));
  }

  @Test
  void cancellingAFailedExecutionIs409() {
    String failing = uniqueId("boom");
    api.createWorkflow("""
        {"id": "%s", "steps": [
          {"id": "a", "type": "DATA_TRANSFORM", "expression": "${ error(\\"boom\\") }"}]}"""
        .formatted(failing));
    String id = api.execute(failing, "{}");
    assertEquals("FAILED", api.status(id));

    assertProblem(api.post("/api/v1/executions/" + id + "/cancel", "{}"), 409);
    assertEquals("FAILED", api.status(id));
  }

  @Test
  void anInvalidCancelBodyIs400AndTheExecutionKeepsRunning() {
    String id = api.execute(waiting, "{\"input\": {\"wait\": \"PT1H\"}}");

    assertEquals(List.of("/why"), pointers(assertProblem(
        api.post("/api/v1/executions/" + id + "/cancel", "{\"why\": \"typo\"}"), 400)));
    assertEquals(List.of("/reason"), pointers(assertProblem(
        api.post("/api/v1/executions/" + id + "/cancel",
            "{\"reason\": \"" + "r".repeat(1001) + "\"}"), 400)));
    assertEquals(List.of("/reason"), pointers(assertProblem(
        api.post("/api/v1/executions/" + id + "/cancel", "{\"reason\": 7}"), 400)));
    assertProblem(api.send(api.request("/api/v1/executions/" + id + "/cancel")
        .header("Content-Type", "text/plain").POST(BodyPublishers.ofString("stop"))), 415);

    assertEquals("RUNNING", api.status(id));
    assertEquals(0, Journal.count(db, id, "ExecutionCancelled"));
  }

  @Test
  void aCancelledTimerNeverFires() {
    String id = api.execute(waiting, "{\"input\": {\"wait\": \"PT1S\"}}");
    Instant due = Instant.parse(api.execution(id).at("/steps/0/dueAt").asText());
    assertEquals(200, api.post("/api/v1/executions/" + id + "/cancel", "{}").status());

    // Well past the due time (the wake-up poller runs every 200 ms in tests) it stays cancelled.
    await().pollDelay(Duration.ofMillis(100)).atMost(Duration.ofSeconds(10))
        .until(() -> Instant.now().isAfter(due.plusSeconds(2)));
    JsonNode ex = api.execution(id);
    assertEquals("CANCELLED", ex.get("status").asText());
    assertEquals("CANCELLED", ex.at("/steps/0/status").asText());
    assertTrue(ex.at("/steps/1/startedAt").isNull(), "the step after the timer never ran");
    assertEquals(0, Journal.count(db, id, "StepSucceeded"));
    assertEquals(0, Journal.count(db, id, "ExecutionCompleted"));
  }
}
