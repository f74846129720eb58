package io.ordo.node.resilience;

import static io.ordo.node.resilience.Resilience.assertGap;
import static io.ordo.node.resilience.Resilience.awaitEnd;
import static io.ordo.node.resilience.Resilience.gapsMillis;
import static io.ordo.node.resilience.Resilience.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.testkit.RecordedCall;
import io.ordo.testkit.Script;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Retry policies of HTTP_REQUEST steps against a real agent: how many calls, how far apart (from
 * the agent's receive times), which failures are retried, and which policy applies. Every test
 * has its own agent, so failures never add up on one circuit breaker.
 */
class RetryStrategiesIT extends SingleNodeSupport {

  private static final String OK = "{\"ok\": true}";

  /** One execution of a one-step workflow, ended, with the calls its step made. */
  private record Run(String executionId, JsonNode execution, List<RecordedCall> calls) {
    JsonNode call() {
      return step(execution, "call");
    }

    String status() {
      return execution.get("status").asText();
    }
  }

  /** Runs a workflow whose step has {@code stepExtra} against a path programmed by {@code script}. */
  private Run run(String agentExtra, String stepExtra, Consumer<Script> script) {
    String agentId = newAgent("retry", agentExtra);
    String path = "/" + agentId;
    script.accept(agent.on(path));
    String workflowId = newCallWorkflow(agentId, path, stepExtra);
    String id = api.execute(workflowId, "{}");
    JsonNode ended = awaitEnd(api, id);
    return new Run(id, ended, agent.calls(path));
  }

  private Run flaky(int failures, String retry) {
    return run("", "\"retry\": " + retry, s -> s.fail(failures, 503).thenRespond(200, OK));
  }

  private static void assertCompleted(Run run, int attempts) {
    assertEquals("COMPLETED", run.status(), run.execution()::toPrettyString);
    assertEquals(attempts, run.calls().size(), () -> "calls: " + run.calls());
    assertEquals(attempts, run.call().get("attempts").asInt(), run.call()::toPrettyString);
    assertEquals(200, run.call().at("/output/status").asInt());
  }

  private static void assertFailed(Run run, int attempts, String errorClass) {
    assertEquals("FAILED", run.status(), run.execution()::toPrettyString);
    assertEquals(attempts, run.calls().size(), () -> "calls: " + run.calls());
    assertEquals(attempts, run.call().get("attempts").asInt(), run.call()::toPrettyString);
    assertEquals("FAILED", run.call().get("status").asText());
    assertEquals(errorClass, run.call().at("/error/class").asText(), run.call()::toPrettyString);
    assertEquals(errorClass, run.execution().at("/error/class").asText());
    assertEquals("call", run.execution().at("/error/stepId").asText());
  }

  @Test
  void fixedWaitsItsDelayBeforeEveryRetry() {
    Run run = flaky(2, "{\"strategy\": \"FIXED\", \"maxAttempts\": 3, \"initialDelay\": \"PT0.3S\"}");
    assertCompleted(run, 3);
    List<Long> gaps = gapsMillis(run.calls());
    assertGap(gaps.get(0), 300, "before attempt 2");
    assertGap(gaps.get(1), 300, "before attempt 3");
  }

  @Test
  void linearAddsItsIncrementPerRetry() {
    Run run = flaky(3, """
        {"strategy": "LINEAR", "maxAttempts": 4, "initialDelay": "PT0.2S", "increment": "PT0.3S"}""");
    assertCompleted(run, 4);
    List<Long> gaps = gapsMillis(run.calls());
    assertGap(gaps.get(0), 200, "before attempt 2");
    assertGap(gaps.get(1), 500, "before attempt 3");
    assertGap(gaps.get(2), 800, "before attempt 4");
  }

  @Test
  void exponentialMultipliesItsDelayPerRetry() {
    Run run = flaky(3, """
        {"strategy": "EXPONENTIAL", "maxAttempts": 4, "initialDelay": "PT0.2S",
         "multiplier": 3.0, "jitter": 0.0}""");
    assertCompleted(run, 4);
    List<Long> gaps = gapsMillis(run.calls());
    assertGap(gaps.get(0), 200, "before attempt 2");
    assertGap(gaps.get(1), 600, "before attempt 3");
    assertGap(gaps.get(2), 1800, "before attempt 4");
    assertTrue(gaps.get(0) < gaps.get(1) && gaps.get(1) < gaps.get(2), "gaps grow: " + gaps);
  }

  @Test
  void noneMakesOneCallAndFails() {
    Run run = run("", "\"retry\": {\"strategy\": \"NONE\"}", s -> s.status(503));
    assertFailed(run, 1, "HTTP_5XX");
    assertTrue(run.call().at("/error/retryable").asBoolean(), "a 503 is retryable by nature");
  }

  @Test
  void theLastAttemptFailsTheStepWithItsError() {
    Run run = run("", "\"retry\": {\"strategy\": \"FIXED\", \"maxAttempts\": 3,"
        + " \"initialDelay\": \"PT0.1S\"}", s -> s.respond(503, "down for maintenance"));
    assertFailed(run, 3, "HTTP_5XX");
    assertEquals(503, run.call().at("/error/details/status").asInt());
    assertEquals("down for maintenance", run.call().at("/error/details/body").asText());
  }

  @Test
  void everyAttemptOfAStepSendsTheSameIdempotencyKeyAndEachStepItsOwn() {
    String agentId = newAgent("keys", "");
    agent.on("/" + agentId + "/first").fail(1, 503).thenRespond(200, OK);
    agent.on("/" + agentId + "/second").respond(200, OK);
    String workflowId = Resilience.uniqueId("keys");
    api.createWorkflow("""
        {"id": "%s", "defaults": {"retry": {"strategy": "FIXED", "maxAttempts": 2,
                                            "initialDelay": "PT0.1S"}},
         "steps": [
          {"id": "first", "type": "HTTP_REQUEST", "agent": "%2$s",
           "request": {"path": "/%2$s/first"}},
          {"id": "second", "type": "HTTP_REQUEST", "agent": "%2$s", "dependsOn": ["first"],
           "request": {"method": "POST", "path": "/%2$s/second", "body": {"n": 1}}}]}"""
        .formatted(workflowId, agentId));
    String id = api.execute(workflowId, "{}");
    awaitEnd(api, id, "COMPLETED");

    List<String> first = agent.idempotencyKeys("/" + agentId + "/first");
    List<String> second = agent.idempotencyKeys("/" + agentId + "/second");
    assertEquals(List.of(id + ":first", id + ":first"), first);
    assertEquals(List.of(id + ":second"), second);
    assertNotEquals(first.get(0), second.get(0));
  }

  @Test
  void aStepsOwnIdempotencyKeyReplacesTheEngines() {
    String agentId = newAgent("own-key", "");
    String path = "/" + agentId;
    agent.on(path).respond(200, OK);
    String workflowId = Resilience.uniqueId("own-key");
    api.createWorkflow(Resilience.callWorkflow(workflowId, agentId, path, "").replace(
        "\"request\": {", "\"request\": {\"headers\": {\"Idempotency-Key\":"
            + " \"order-${ .input.order }\"}, "));
    awaitEnd(api, api.execute(workflowId, "{\"input\": {\"order\": 42}}"), "COMPLETED");
    RecordedCall call = agent.calls(path).get(0);
    assertEquals(List.of("order-42"), call.headers().get("Idempotency-Key"), call::toString);
  }

  @Test
  void aClientErrorIsNotRetried() {
    Run run = run("", "\"retry\": {\"strategy\": \"FIXED\", \"maxAttempts\": 3,"
        + " \"initialDelay\": \"PT0.1S\"}", s -> s.respond(400, "{\"error\": \"bad sku\"}"));
    assertFailed(run, 1, "HTTP_4XX");
    assertFalse(run.call().at("/error/retryable").asBoolean(), run.call()::toPrettyString);
    assertEquals(400, run.call().at("/error/details/status").asInt());
  }

  @Test
  void aClientErrorListedInRetryOnIsRetried() {
    Run run = run("", "\"retryOn\": [409], \"retry\": {\"strategy\": \"FIXED\","
        + " \"maxAttempts\": 3, \"initialDelay\": \"PT0.1S\"}",
        s -> s.fail(1, 409).thenRespond(200, OK));
    assertCompleted(run, 2);
  }

  @Test
  void retryAfterOnA429DelaysTheNextAttemptBeyondThePolicysDelay() {
    Run run = run("", "\"retry\": {\"strategy\": \"FIXED\", \"maxAttempts\": 2,"
        + " \"initialDelay\": \"PT0.1S\"}",
        s -> s.respond(429, "", "Retry-After", "1").thenRespond(200, OK));
    assertCompleted(run, 2);
    assertGap(gapsMillis(run.calls()).get(0), 1000, "after Retry-After: 1");
  }

  @Test
  void aNonRetryableErrorClassStopsAtTheFirstFailure() {
    Run run = run("", "\"retry\": {\"strategy\": \"FIXED\", \"maxAttempts\": 3,"
        + " \"initialDelay\": \"PT0.1S\", \"nonRetryableErrors\": [\"HTTP_5XX\"]}",
        s -> s.status(503));
    assertFailed(run, 1, "HTTP_5XX");
  }

  @Test
  void aStepWithoutAPolicyUsesItsAgentsDefaultRetry() {
    Run run = run("\"defaultRetry\": {\"strategy\": \"FIXED\", \"maxAttempts\": 3,"
        + " \"initialDelay\": \"PT0.2S\"}", "", s -> s.fail(2, 503).thenRespond(200, OK));
    assertCompleted(run, 3);
    for (long gap : gapsMillis(run.calls())) {
      assertGap(gap, 200, "the agent's FIXED delay");
    }
  }

  @Test
  void theWorkflowsDefaultRetryWinsOverTheAgents() {
    String agentId = newAgent("defaults", "\"defaultRetry\": {\"strategy\": \"FIXED\","
        + " \"maxAttempts\": 3, \"initialDelay\": \"PT0.1S\"}");
    String path = "/" + agentId;
    agent.on(path).status(503);
    String workflowId = Resilience.uniqueId("defaults");
    api.createWorkflow(Resilience.callWorkflow(workflowId, agentId, path, "")
        .replace("\"steps\"", "\"defaults\": {\"retry\": {\"strategy\": \"NONE\"}}, \"steps\""));
    JsonNode ended = awaitEnd(api, api.execute(workflowId, "{}"), "FAILED");
    assertEquals(1, agent.callCount(path));
    assertEquals(1, step(ended, "call").get("attempts").asInt());
  }
}
