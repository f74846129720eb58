package io.ordo.node.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.node.testing.ApiClient.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One execution of a real workflow against a real agent, read back through the history
 * endpoints: a call that fails once and then succeeds, a transform recording artifacts, and a
 * FOR_EACH whose items record artifacts of their own.
 */
class ExecutionTimelineIT extends HistorySupport {

  private String executionId;
  private JsonNode timeline;

  /** Small enough that one artifact is left out of the listing and served only at its uri. */
  @Override
  protected Map<String, Object> nodeSettings() {
    return Map.of("ordo.analytics.history.artifact-inline-max-bytes", 32);
  }

  @BeforeAll
  void runOneExecution() {
    String agentId = newAgent();
    agent.on("/" + agentId + "/stock").fail(1, 503).thenRespond(200, "{\"qty\": 7}");
    String workflowId = uniqueId("timeline");
    api.createWorkflow("""
        {"id": "%s",
         "steps": [
           {"id": "call", "type": "HTTP_REQUEST", "agent": "%s",
            "request": {"method": "GET", "path": "/%s/stock"},
            "retry": {"strategy": "FIXED", "maxAttempts": 3, "initialDelay": "PT0.1S"}},
           {"id": "shape", "type": "DATA_TRANSFORM", "dependsOn": ["call"],
            "expression": "${ .steps.call.output.body }",
            "artifacts": [
              {"name": "report", "contentType": "text/csv",
               "value": "${ \\"sku,qty\\\\nA-1,\\" + (.output.qty | tostring) }"},
              {"name": "stock"},
              {"name": "big", "value": "${ [range(0; 20)] }"}]},
           {"id": "each", "type": "FOR_EACH", "dependsOn": ["shape"],
            "items": "${ .input.items }", "concurrency": 2,
            "step": {"type": "DATA_TRANSFORM", "expression": "${ .item * 2 }",
                     "artifacts": [{"name": "doubled"}]}}
         ]}""".formatted(workflowId, agentId, agentId));
    executionId = api.execute(workflowId, "{\"input\": {\"items\": [1, 2, 3]}}");
    assertEquals("COMPLETED", awaitEnd(executionId));
    timeline = awaitHistory(executionId, "COMPLETED");
  }

  private JsonNode step(String id, Integer item) {
    for (JsonNode step : timeline.get("steps")) {
      boolean sameItem = item == null ? step.get("item").isNull()
          : step.get("item").asInt(-1) == item;
      if (step.get("id").asText().equals(id) && sameItem) {
        return step;
      }
    }
    throw new AssertionError("no step " + id + "/" + item + " in " + timeline.toPrettyString());
  }

  @Test
  void aStepThatFailedOnceShowsTwoAttemptsOneRetryAndTheFailedAttemptsError() {
    JsonNode call = step("call", null);
    assertEquals("COMPLETED", call.get("status").asText(), call::toPrettyString);
    assertEquals("HTTP_REQUEST", call.get("type").asText());
    assertEquals(2, call.get("attempts").asInt());
    assertEquals(1, call.get("retryCount").asInt());
    assertEquals("HTTP_5XX", call.at("/error/class").asText(), call::toPrettyString);
    assertEquals(1, call.at("/error/attempt").asInt());
    assertTrue(call.at("/error/retryable").asBoolean());
    assertFalse(call.at("/error/message").asText().isBlank());
    assertTrue(call.at("/inputSummary").asText().contains("\"method\":\"GET\""),
        call::toPrettyString);
    assertTrue(call.at("/inputSummary").asText().contains("/stock"), call::toPrettyString);
    assertTrue(call.at("/outputSummary").asText().contains("\"qty\":7"), call::toPrettyString);

    Instant started = Instant.parse(call.get("startedAt").asText());
    Instant completed = Instant.parse(call.get("completedAt").asText());
    Instant failedAt = Instant.parse(call.at("/error/at").asText());
    assertEquals(Duration.between(started, completed).toMillis(), call.get("durationMs").asLong());
    assertTrue(!failedAt.isBefore(started) && failedAt.isBefore(completed));
    // The retry waited at least its fixed delay, so the step spans more than that.
    assertTrue(call.get("durationMs").asLong() >= 100, call::toPrettyString);
  }

  @Test
  void theExecutionsOwnSpanAndSummariesLeadTheTimeline() {
    assertEquals(executionId, timeline.get("executionId").asText());
    assertEquals(1, timeline.get("version").asInt());
    assertEquals(1, timeline.get("retries").asInt());
    assertEquals("{\"items\":[1,2,3]}", timeline.get("inputSummary").asText());
    assertTrue(timeline.get("error").isNull());
    Instant started = Instant.parse(timeline.get("startedAt").asText());
    Instant completed = Instant.parse(timeline.get("completedAt").asText());
    assertEquals(Duration.between(started, completed).toMillis(),
        timeline.get("durationMs").asLong());
  }

  @Test
  void stepsComeInDefinitionOrderEachForEachFollowedByItsItems() {
    var order = new ArrayList<String>();
    timeline.get("steps").forEach(s -> order.add(s.get("id").asText()
        + (s.get("item").isNull() ? "" : "[" + s.get("item").asInt() + "]")));
    assertEquals(List.of("call", "shape", "each", "each[0]", "each[1]", "each[2]"), order);

    JsonNode each = step("each", null);
    assertEquals("FOR_EACH", each.get("type").asText());
    assertEquals("COMPLETED", each.get("status").asText());
    assertEquals("[1,2,3]", each.get("inputSummary").asText());
    assertEquals("[2,4,6]", each.get("outputSummary").asText());
    JsonNode second = step("each", 1);
    assertEquals("DATA_TRANSFORM", second.get("type").asText());
    assertEquals("COMPLETED", second.get("status").asText());
    assertEquals(1, second.get("attempts").asInt());
    assertEquals("2", second.get("inputSummary").asText(), "the item is the item's input");
    assertEquals("4", second.get("outputSummary").asText());
  }

  @Test
  void stepsListsTheSameStepsWithoutSummaries() {
    Response r = api.get("/api/v1/executions/" + executionId + "/steps");
    assertEquals(200, r.status(), r::body);
    JsonNode items = r.json().get("items");
    assertEquals(timeline.get("steps").size(), items.size());
    JsonNode call = items.get(0);
    assertEquals("call", call.get("id").asText());
    assertEquals(2, call.get("attempts").asInt());
    assertEquals(1, call.get("retryCount").asInt());
    assertEquals("HTTP_5XX", call.at("/error/class").asText());
    assertFalse(call.has("inputSummary"));
  }

  @Test
  void artifactsListEveryRecordedValueWithItsTypeSizeAndUri() {
    Response r = api.get("/api/v1/executions/" + executionId + "/artifacts");
    assertEquals(200, r.status(), r::body);
    var byKey = new java.util.LinkedHashMap<String, JsonNode>();
    r.json().get("items").forEach(a -> byKey.put(a.get("stepId").asText() + "/"
        + a.get("name").asText()
        + (a.get("item").isNull() ? "" : "[" + a.get("item").asInt() + "]"), a));
    assertEquals(List.of("shape/report", "shape/stock", "shape/big", "each/doubled[0]",
        "each/doubled[1]", "each/doubled[2]"), List.copyOf(byKey.keySet()));

    JsonNode report = byKey.get("shape/report");
    assertEquals("string", report.get("type").asText());
    assertEquals("text/csv", report.get("contentType").asText());
    assertEquals("sku,qty\nA-1,7", report.get("content").asText());
    assertEquals("\"sku,qty\\nA-1,7\"".length(), report.get("sizeBytes").asLong());
    assertTrue(report.get("inline").asBoolean());
    JsonNode stock = byKey.get("shape/stock");
    assertEquals("object", stock.get("type").asText());
    assertEquals("application/json", stock.get("contentType").asText());
    assertEquals(7, stock.at("/content/qty").asInt());
    assertEquals(4, byKey.get("each/doubled[1]").get("content").asInt());

    JsonNode big = byKey.get("shape/big");
    assertEquals("array", big.get("type").asText());
    assertFalse(big.get("inline").asBoolean(), "over the inline limit of 32 bytes");
    assertTrue(big.get("content").isNull());
    assertEquals(51, big.get("sizeBytes").asLong());
    Response bigValue = api.get(big.get("uri").asText());
    assertEquals(200, bigValue.status(), bigValue::body);
    assertEquals(20, bigValue.json().size());
    assertEquals(19, bigValue.json().get(19).asInt());

    Response csv = api.get(report.get("uri").asText());
    assertEquals(200, csv.status(), csv::body);
    assertTrue(csv.contentType().startsWith("text/csv"), csv::contentType);
    assertEquals("sku,qty\nA-1,7", csv.body());
    Response item = api.get(byKey.get("each/doubled[2]").get("uri").asText());
    assertEquals(200, item.status(), item::body);
    assertEquals("application/json", item.contentType());
    assertEquals("6", item.body());
  }

  @Test
  void logsPageThroughTheJournalInOrder() {
    Response first = api.get("/api/v1/executions/" + executionId + "/logs?limit=3");
    assertEquals(200, first.status(), first::body);
    JsonNode page = first.json();
    assertEquals(3, page.get("items").size());
    assertEquals(1, page.at("/items/0/seq").asInt());
    assertTrue(page.at("/items/0/message").asText().startsWith("Execution started"));
    assertEquals(3, page.get("nextAfterSeq").asInt());

    var all = new ArrayList<JsonNode>();
    long after = 0;
    JsonNode next;
    do {
      JsonNode p = api.get("/api/v1/executions/" + executionId + "/logs?limit=4&afterSeq="
          + after).json();
      p.get("items").forEach(all::add);
      next = p.get("nextAfterSeq");
      after = next.isNull() ? after : next.asLong();
    } while (!next.isNull());
    for (int i = 0; i < all.size(); i++) {
      assertEquals(i + 1, all.get(i).get("seq").asInt(), "no gaps, no repeats");
    }
    JsonNode failure = all.stream().filter(l -> l.get("level").asText().equals("ERROR"))
        .findFirst().orElseThrow();
    assertEquals("call", failure.get("stepId").asText());
    assertTrue(failure.get("message").asText().contains("HTTP_5XX"), failure::toPrettyString);
    assertTrue(all.get(all.size() - 1).get("message").asText()
        .startsWith("Execution completed"));
  }

  @Test
  void anUnknownExecutionIsNotFoundOnEveryEndpoint() {
    String unknown = UUID.randomUUID().toString();
    for (String tail : List.of("steps", "timeline", "logs", "artifacts",
        "artifacts/shape/report")) {
      JsonNode problem = assertProblem(api.get("/api/v1/executions/" + unknown + "/" + tail),
          404);
      assertNotNull(problem.get("detail"), tail);
    }
    assertProblem(api.get("/api/v1/executions/not-an-id/timeline"), 404);
    assertProblem(api.get("/api/v1/executions/" + executionId + "/artifacts/shape/nope"), 404);
  }

  @Test
  void badLogParametersAreNamed() {
    JsonNode problem = assertProblem(api.get("/api/v1/executions/" + executionId
        + "/logs?limit=0&afterSeq=x"), 400);
    assertEquals(List.of("/afterSeq", "/limit"), pointers(problem).stream().sorted().toList());
  }
}
