package io.ordo.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.node.testing.ApiClient.Response;
import org.junit.jupiter.api.Test;

/** POST /workflows/{id}/execute?wait=…: the final execution when it ends in time, else 202. */
class SyncStartIT extends ApiTestSupport {

  private String workflow(String wait) {
    String id = uniqueId("sync");
    api.createWorkflow("""
        {"id": "%s", "steps": [
          {"id": "nap", "type": "WAIT", "duration": "%s"},
          {"id": "done", "type": "DATA_TRANSFORM", "dependsOn": ["nap"],
           "expression": "${ .input.n * 2 }"}],
         "output": "${ .steps.done.output }"}""".formatted(id, wait));
    return id;
  }

  private Response start(String workflowId, String wait, String body) {
    return api.post("/api/v1/workflows/" + workflowId + "/execute?wait=" + wait, body);
  }

  @Test
  void answers200WithTheEndedExecutionWhenItEndsWithinTheWait() {
    String id = workflow("PT0.5S");
    Response r = start(id, "PT20S", "{\"input\": {\"n\": 21}}");
    assertEquals(200, r.status(), r.body());
    JsonNode execution = r.json();
    assertEquals("COMPLETED", execution.get("status").asText());
    assertEquals(42, execution.get("output").asInt());
    assertEquals("COMPLETED", execution.get("steps").get(1).get("status").asText());
  }

  @Test
  void answers200AtOnceForAnExecutionThatRanInProcess() {
    String id = uniqueId("inline");
    api.createWorkflow("""
        {"id": "%s", "steps": [{"id": "a", "type": "DATA_TRANSFORM", "expression": 7}]}"""
        .formatted(id));
    Response r = start(id, "PT30S", "{}");
    assertEquals(200, r.status(), r.body());
    assertEquals("COMPLETED", r.json().get("status").asText());
  }

  @Test
  void answers202WhenTheWaitRunsOutFirst() {
    String id = workflow("PT1H");
    Response r = start(id, "PT0.3S", "{\"input\": {\"n\": 1}}");
    assertEquals(202, r.status(), r.body());
    assertEquals("RUNNING", r.json().get("status").asText());
    assertTrue(r.json().get("links").has("self"));
  }

  @Test
  void aRepeatWithTheSameKeyWaitsForTheSameExecution() {
    String id = workflow("PT0.2S");
    String body = "{\"input\": {\"n\": 2}, \"idempotencyKey\": \"same\"}";
    Response first = start(id, "PT20S", body);
    Response again = start(id, "PT20S", body);
    assertEquals(200, again.status(), again.body());
    assertEquals(first.json().get("id"), again.json().get("id"));
    assertEquals("true", again.header("Idempotent-Replayed"));
  }

  @Test
  void anInvalidOrTooLongWaitIs400AtItsPointerAndStartsNothing() {
    String id = workflow("PT1S");
    long events = journalRows();
    for (String wait : new String[] {"soon", "PT0S", "PT10M"}) {
      JsonNode problem = assertProblem(start(id, wait, "{}"), 400);
      assertEquals("/wait", problem.get("errors").get(0).get("pointer").asText(), wait);
    }
    assertEquals(events, journalRows());
  }
}
