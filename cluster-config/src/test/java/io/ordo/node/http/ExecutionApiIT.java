package io.ordo.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.node.testing.ApiClient.Response;
import io.ordo.node.testing.Journal;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Starting and reading executions over HTTP. */
class ExecutionApiIT extends ApiTestSupport {

  private static final Set<String> STEP_FIELDS = Set.of("id", "type", "status", "attempts",
      "output", "error", "startedAt", "completedAt", "skipReason", "dueAt", "parent", "items");

  @Test
  void executeAnswers202AndAnInlineSequenceReadsCompletedWithItsOutputs() {
    String id = uniqueId("seq");
    // "label" is listed first but runs second: the API lists steps in definition order.
    api.createWorkflow("""
        {"id": "%s", "steps": [
          {"id": "label", "type": "DATA_TRANSFORM", "dependsOn": ["double"],
           "expression": {"value": "${ .steps.double.output }", "sku": "${ .input.sku }"}},
          {"id": "double", "type": "DATA_TRANSFORM", "expression": "${ .input.n * 2 }"}]}"""
        .formatted(id));

    Response started = api.post("/api/v1/workflows/" + id + "/execute",
        "{\"input\": {\"n\": 21, \"sku\": \"A-1\"}}");

    assertEquals(202, started.status(), started.body());
    assertNull(started.header("Idempotent-Replayed"));
    String executionId = started.json().get("executionId").asText();
    assertEquals("/api/v1/executions/" + executionId, started.json().at("/links/self").asText());
    assertEquals("/api/v1/executions/" + executionId + "/cancel",
        started.json().at("/links/cancel").asText());

    JsonNode ex = api.execution(executionId);
    assertEquals("COMPLETED", ex.get("status").asText());
    assertEquals(executionId, ex.get("id").asText());
    assertEquals(id, ex.get("workflowId").asText());
    assertEquals(1, ex.get("version").asInt());
    assertEquals(21, ex.at("/input/n").asInt());
    assertEquals(42, ex.at("/output/double").asInt());
    assertEquals(42, ex.at("/output/label/value").asInt());
    assertEquals("A-1", ex.at("/output/label/sku").asText());
    assertTrue(ex.get("error").isNull());
    assertEquals("anonymous", ex.get("triggeredBy").asText());
    assertTrue(ex.get("idempotencyKey").isNull());
    assertTrue(!Instant.parse(ex.get("completedAt").asText())
        .isBefore(Instant.parse(ex.get("startedAt").asText())));

    JsonNode steps = ex.get("steps");
    assertEquals(List.of("label", "double"), steps.findValuesAsText("id"));
    for (JsonNode step : steps) {
      assertEquals(STEP_FIELDS, fieldNames(step));
      assertEquals("DATA_TRANSFORM", step.get("type").asText());
      assertEquals("COMPLETED", step.get("status").asText());
      assertEquals(1, step.get("attempts").asInt());
      assertTrue(step.get("error").isNull());
      assertTrue(step.hasNonNull("startedAt") && step.hasNonNull("completedAt"), step.toString());
    }
    assertEquals(42, steps.get(1).get("output").asInt());
    assertEquals("A-1", steps.get(0).at("/output/sku").asText());
  }

  @Test
  void aFailingStepFailsTheExecutionAndBothShowTheError() {
    String id = uniqueId("fail");
    api.createWorkflow("""
        {"id": "%s", "steps": [
          {"id": "boom", "type": "DATA_TRANSFORM", "expression": "${ error(\\"kaput\\") }"},
          {"id": "never", "type": "DATA_TRANSFORM", "dependsOn": ["boom"], "expression": 1}]}"""
        .formatted(id));

    Response started = api.post("/api/v1/workflows/" + id + "/execute", "{}");
    assertEquals(202, started.status(), "a start is accepted even if the run then fails");

    JsonNode ex = api.execution(started.json().get("executionId").asText());
    assertEquals("FAILED", ex.get("status").asText());
    assertEquals("boom", ex.at("/error/stepId").asText());
    assertTrue(ex.at("/error/message").asText().contains("kaput"), ex.toString());
    assertTrue(ex.get("output").isNull());
    JsonNode boom = ex.at("/steps/0");
    assertEquals("FAILED", boom.get("status").asText());
    assertEquals(ex.at("/error/class"), boom.at("/error/class"));
    assertTrue(boom.at("/error/stepId").isMissingNode(), "stepId only on the execution's error");
    assertTrue(ex.at("/steps/1/startedAt").isNull(), "the dependent step never ran");
  }

  @Test
  void triggeredByFromTheBodyIsRecorded() {
    String id = uniqueId("trig");
    api.createWorkflow(transformWorkflow(id));
    String executionId = api.execute(id, "{\"input\": {\"n\": 1}, \"triggeredBy\": \"shop\"}");
    assertEquals("shop", api.execution(executionId).get("triggeredBy").asText());
  }

  @Test
  void whileAWaitRunsTheStepsAfterItAreListedPending() {
    String id = uniqueId("wait");
    api.createWorkflow("""
        {"id": "%s", "steps": [
          {"id": "first", "type": "DATA_TRANSFORM", "expression": "${ .input }"},
          {"id": "nap", "type": "WAIT", "dependsOn": ["first"], "duration": "PT1H"},
          {"id": "after", "type": "DATA_TRANSFORM", "dependsOn": ["nap"], "expression": 1}]}"""
        .formatted(id));
    Instant before = Instant.now();

    Response started = api.post("/api/v1/workflows/" + id + "/execute", "{}");
    assertEquals(202, started.status(), started.body());
    assertEquals("RUNNING", started.json().get("status").asText());

    JsonNode ex = api.execution(started.json().get("executionId").asText());
    assertEquals("RUNNING", ex.get("status").asText());
    assertTrue(ex.get("output").isNull() && ex.get("completedAt").isNull(), ex.toString());
    JsonNode steps = ex.get("steps");
    assertEquals(List.of("first", "nap", "after"), steps.findValuesAsText("id"));
    assertEquals(List.of("COMPLETED", "RUNNING", "PENDING"), steps.findValuesAsText("status"));
    Instant due = Instant.parse(steps.get(1).get("dueAt").asText());
    assertTrue(due.isAfter(before.plus(Duration.ofMinutes(59))), "due in an hour: " + due);
    JsonNode pending = steps.get(2);
    assertEquals(0, pending.get("attempts").asInt());
    assertTrue(pending.get("startedAt").isNull() && pending.get("output").isNull(),
        pending.toString());
  }

  @Test
  void versionInTheBodyPinsAnOlderVersionAndItsLogic() {
    String id = uniqueId("pin");
    api.createWorkflow(transformWorkflow(id));
    assertEquals(200, api.put("/api/v1/workflows/" + id,
        transformWorkflow(id).replace("\"v1\"", "\"v2\"")).status());

    JsonNode pinned = api.execution(api.execute(id, "{\"input\": {\"n\": 1}, \"version\": 1}"));
    assertEquals(1, pinned.get("version").asInt());
    assertEquals("v1", pinned.at("/output/label/tag").asText());

    JsonNode latest = api.execution(api.execute(id, "{\"input\": {\"n\": 1}}"));
    assertEquals(2, latest.get("version").asInt());
    assertEquals("v2", latest.at("/output/label/tag").asText());

    JsonNode problem = assertProblem(api.post("/api/v1/workflows/" + id + "/execute",
        "{\"version\": 3}"), 404);
    assertTrue(problem.get("detail").asText().contains("version 3"), problem.toString());
  }

  @Test
  void inputViolatingTheInputSchemaIs400UnderSlashInputAndWritesNoEvent() {
    String id = uniqueId("schema");
    api.createWorkflow("""
        {"id": "%s", "inputSchema": {"type": "object", "required": ["sku"],
          "properties": {"sku": {"type": "string"}, "qty": {"type": "integer", "minimum": 1}}},
         "steps": [{"id": "a", "type": "DATA_TRANSFORM", "expression": "${ .input }"}]}"""
        .formatted(id));
    long events = journalRows();

    JsonNode wrong = assertProblem(api.post("/api/v1/workflows/" + id + "/execute",
        "{\"input\": {\"sku\": 5, \"qty\": 0}}"), 400);
    assertEquals("https://ordo.dev/problems/invalid-input", wrong.get("type").asText());
    assertEquals(Set.of("/input/sku", "/input/qty"), new HashSet<>(pointers(wrong)));

    JsonNode missing = assertProblem(api.post("/api/v1/workflows/" + id + "/execute",
        "{\"input\": {}}"), 400);
    assertEquals(List.of("/input/sku"), pointers(missing));
    // No input at all is {}, which the schema refuses just the same.
    assertEquals(List.of("/input/sku"), pointers(assertProblem(
        api.post("/api/v1/workflows/" + id + "/execute", "{}"), 400)));

    assertEquals(events, journalRows(), "a refused start writes no event");
    assertEquals("COMPLETED", api.status(api.execute(id, "{\"input\": {\"sku\": \"A-1\"}}")));
  }

  @Test
  void unknownAndMistypedFieldsOfTheExecuteBodyAreAllReportedAndNothingStarts() {
    String id = uniqueId("body");
    api.createWorkflow(transformWorkflow(id));
    long events = journalRows();

    assertEquals(List.of("/inptu"), pointers(assertProblem(api.post(
        "/api/v1/workflows/" + id + "/execute", "{\"inptu\": {\"n\": 1}}"), 400)));

    JsonNode problem = assertProblem(api.post("/api/v1/workflows/" + id + "/execute",
        "{\"version\": 0, \"idempotencyKey\": \"\", \"triggeredBy\": 5, \"extra\": true}"), 400);
    assertEquals(Set.of("/version", "/idempotencyKey", "/triggeredBy", "/extra"),
        new HashSet<>(pointers(problem)));
    assertEquals(List.of("/version"), pointers(assertProblem(api.post(
        "/api/v1/workflows/" + id + "/execute", "{\"version\": \"1\"}"), 400)));
    assertEquals(List.of("/idempotencyKey"), pointers(assertProblem(api.send(
        api.request("/api/v1/workflows/" + id + "/execute")
            .header("Idempotency-Key", "k".repeat(256))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString("{}"))), 400)));

    assertEquals(events, journalRows(), "a refused start writes no event");
  }

  @Test
  void aStartWithoutABodyRunsWithEmptyInput() {
    String id = uniqueId("nobody");
    api.createWorkflow("""
        {"id": "%s", "steps": [{"id": "a", "type": "DATA_TRANSFORM", "expression": "${ .input }"}]}"""
        .formatted(id));

    Response r = api.send(api.request("/api/v1/workflows/" + id + "/execute")
        .POST(BodyPublishers.noBody()));

    assertEquals(202, r.status(), r.body());
    JsonNode ex = api.execution(r.json().get("executionId").asText());
    assertEquals("{}", ex.get("input").toString());
    assertEquals("{}", ex.at("/output/a").toString());
  }

  @Test
  void theSameIdempotencyKeyHeaderTwiceStartsOneExecution() {
    String id = uniqueId("idem-header");
    api.createWorkflow(transformWorkflow(id));

    Response first = startWithHeaderKey(id, "order-4711");
    Response second = startWithHeaderKey(id, "order-4711");

    assertEquals(202, first.status(), first.body());
    assertEquals(202, second.status(), second.body());
    assertNull(first.header("Idempotent-Replayed"));
    assertEquals("true", second.header("Idempotent-Replayed"));
    String executionId = first.json().get("executionId").asText();
    assertEquals(executionId, second.json().get("executionId").asText());
    assertEquals(1, Journal.count(db, executionId, "ExecutionStarted"));
    assertEquals("order-4711", api.execution(executionId).get("idempotencyKey").asText());
  }

  @Test
  void theSameIdempotencyKeyInTheBodyTwiceStartsOneExecutionAlsoWhenRepeatedInTheHeader() {
    String id = uniqueId("idem-body");
    api.createWorkflow(transformWorkflow(id));
    String body = "{\"input\": {\"n\": 1}, \"idempotencyKey\": \"k-1\"}";

    Response first = api.post("/api/v1/workflows/" + id + "/execute", body);
    Response second = api.post("/api/v1/workflows/" + id + "/execute", body);
    Response viaHeader = startWithHeaderKey(id, "k-1");

    String executionId = first.json().get("executionId").asText();
    assertNull(first.header("Idempotent-Replayed"));
    for (Response repeat : List.of(second, viaHeader)) {
      assertEquals(202, repeat.status(), repeat.body());
      assertEquals("true", repeat.header("Idempotent-Replayed"));
      assertEquals(executionId, repeat.json().get("executionId").asText());
      assertEquals("COMPLETED", repeat.json().get("status").asText());
    }
    assertEquals(1, Journal.count(db, executionId, "ExecutionStarted"));
  }

  @Test
  void differentKeysOrNoKeyStartDifferentExecutions() {
    String id = uniqueId("idem-diff");
    api.createWorkflow(transformWorkflow(id));

    String a = startWithHeaderKey(id, "a").json().get("executionId").asText();
    String b = startWithHeaderKey(id, "b").json().get("executionId").asText();
    String none1 = api.execute(id, "{\"input\": {\"n\": 1}}");
    String none2 = api.execute(id, "{\"input\": {\"n\": 1}}");

    assertEquals(4, Set.of(a, b, none1, none2).size());
  }

  @Test
  void theSameKeyOnTwoWorkflowsStartsTwoExecutions() {
    String one = uniqueId("idem-one");
    String two = uniqueId("idem-two");
    api.createWorkflow(transformWorkflow(one));
    api.createWorkflow(transformWorkflow(two));

    assertNotEquals(startWithHeaderKey(one, "shared").json().get("executionId").asText(),
        startWithHeaderKey(two, "shared").json().get("executionId").asText());
  }

  @Test
  void concurrentStartsWithOneKeyStartOneExecution() {
    String id = uniqueId("idem-race");
    api.createWorkflow(transformWorkflow(id));

    List<Response> responses = concurrently(8, () -> startWithHeaderKey(id, "race"));

    Set<String> ids = new HashSet<>();
    responses.forEach(r -> {
      assertEquals(202, r.status(), r.body());
      ids.add(r.json().get("executionId").asText());
    });
    assertEquals(1, ids.size());
    assertEquals(1, responses.stream().filter(r -> r.header("Idempotent-Replayed") == null)
        .count(), "exactly one response is the original start");
    assertEquals(1, Journal.count(db, ids.iterator().next(), "ExecutionStarted"));
  }

  private Response startWithHeaderKey(String workflowId, String key) {
    return api.send(api.request("/api/v1/workflows/" + workflowId + "/execute")
        .header("Content-Type", "application/json").header("Idempotency-Key", key)
        .POST(BodyPublishers.ofString("{\"input\": {\"n\": 1}}")));
  }
}
