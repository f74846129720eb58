package io.ordo.node.resilience;

import static io.ordo.node.resilience.Resilience.assertProblem;
import static io.ordo.node.resilience.Resilience.awaitEnd;
import static io.ordo.node.resilience.Resilience.awaitStep;
import static io.ordo.node.resilience.Resilience.instant;
import static io.ordo.node.resilience.Resilience.pointers;
import static io.ordo.node.resilience.Resilience.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.node.testing.ApiClient.Response;
import io.ordo.node.testing.Journal;
import io.ordo.testkit.RecordedCall;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An agent's circuit breaker through real executions: failures open it, an open breaker refuses
 * calls without spending attempts (the step waits for the probe time), a good probe closes it, a
 * failed probe re-opens it for longer, and a reset closes it at once.
 */
class CircuitBreakerIT extends SingleNodeSupport {

  private static final String BREAKERS = "/api/v1/circuit-breakers/";

  private JsonNode breaker(String agentId) {
    Response r = api.get(BREAKERS + agentId);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  private void configure(String agentId, String config) {
    Response r = api.put(BREAKERS + agentId, config);
    assertEquals(200, r.status(), r.body());
  }

  /** A new agent whose breaker opens after 2 failures, and a path of it that answers 503. */
  private String failingAgent(String config) {
    String agentId = newAgent("breaker", "");
    configure(agentId, config);
    agent.on("/" + agentId).status(503);
    return agentId;
  }

  /** Runs the agent's path once, without retries, and answers the ended execution. */
  private JsonNode callOnce(String workflowId) {
    return awaitEnd(api, api.execute(workflowId, "{}"));
  }

  @Test
  void failuresOpenTheBreakerWhichDefersCallsWithoutSpendingAttemptsUntilAProbeClosesIt() {
    String agentId = failingAgent(
        "{\"failureThreshold\": 2, \"resetTimeout\": \"PT2S\", \"halfOpenProbes\": 1}");
    String path = "/" + agentId;
    String workflowId = newCallWorkflow(agentId, path, "");
    assertEquals("CLOSED", breaker(agentId).get("state").asText());

    assertEquals("FAILED", callOnce(workflowId).get("status").asText());
    assertEquals("CLOSED", breaker(agentId).get("state").asText(), "one failure is not enough");
    assertEquals("FAILED", callOnce(workflowId).get("status").asText());
    JsonNode open = breaker(agentId);
    assertEquals("OPEN", open.get("state").asText(), open::toPrettyString);
    Instant probeAt = instant(open.get("nextProbeAt"));
    assertEquals(Duration.ofSeconds(2), Duration.between(instant(open.get("changedAt")), probeAt));
    assertEquals(2, agent.callCount(path));

    // The agent is back, but the breaker does not know yet: the next call is refused, not made.
    agent.on(path).respond(200, "{\"ok\": true}");
    String waiting = api.execute(workflowId, "{}");
    JsonNode deferred = step(awaitStep(api, waiting, "call", "RETRYING"), "call");
    assertEquals(2, agent.callCount(path), "no call reached the agent");
    assertEquals(0, deferred.get("attempts").asInt(), "no attempt spent: " + deferred);
    assertEquals(probeAt, instant(deferred.get("dueAt")), deferred::toPrettyString);
    assertEquals("RUNNING", api.status(waiting));

    // At the probe time the same attempt goes through as the probe, and closes the breaker.
    JsonNode done = awaitEnd(api, waiting, "COMPLETED");
    assertEquals(1, step(done, "call").get("attempts").asInt());
    List<RecordedCall> calls = agent.calls(path);
    assertEquals(3, calls.size());
    assertFalse(calls.get(2).receivedAt().isBefore(probeAt), "probe at " + calls.get(2));
    JsonNode closed = breaker(agentId);
    assertEquals("CLOSED", closed.get("state").asText(), closed::toPrettyString);
    assertEquals(0, closed.get("consecutiveFailures").asInt());
    assertEquals(0, Journal.count(db, waiting, "StepFailed"), "a refusal is not a failure");
  }

  @Test
  void aFailedProbeReopensTheBreakerForLongerAndAResetClosesItAtOnce() {
    String agentId = failingAgent("{\"failureThreshold\": 2, \"resetTimeout\": \"PT1S\","
        + " \"backoffFactor\": 2.0, \"maxResetTimeout\": \"PT1M\", \"halfOpenProbes\": 1}");
    String path = "/" + agentId;
    String workflowId = newCallWorkflow(agentId, path, "");
    callOnce(workflowId);
    callOnce(workflowId);
    JsonNode open = breaker(agentId);
    assertEquals("OPEN", open.get("state").asText(), open::toPrettyString);
    assertEquals("PT1S", open.get("resetTimeout").asText());

    // Deferred to the probe time, then probes the still failing agent and fails.
    JsonNode probed = callOnce(workflowId);
    assertEquals("FAILED", probed.get("status").asText(), probed::toPrettyString);
    assertEquals("HTTP_5XX", step(probed, "call").at("/error/class").asText());
    assertEquals(3, agent.callCount(path));
    JsonNode reopened = breaker(agentId);
    assertEquals("OPEN", reopened.get("state").asText(), reopened::toPrettyString);
    assertEquals("PT2S", reopened.get("resetTimeout").asText(), "backed off: " + reopened);
    assertEquals(Duration.ofSeconds(2), Duration.between(instant(reopened.get("changedAt")),
        instant(reopened.get("nextProbeAt"))));

    Response reset = api.post(BREAKERS + agentId + "/reset", "{}");
    assertEquals(200, reset.status(), reset.body());
    assertEquals("CLOSED", reset.json().get("state").asText(), reset.body());
    JsonNode closed = breaker(agentId);
    assertEquals("CLOSED", closed.get("state").asText());
    assertTrue(closed.get("nextProbeAt").isNull(), closed::toPrettyString);

    // Closed at once: the next call goes straight through, long before the probe time.
    agent.on(path).respond(200, "{\"ok\": true}");
    JsonNode done = callOnce(workflowId);
    assertEquals("COMPLETED", done.get("status").asText(), done::toPrettyString);
    assertEquals(4, agent.callCount(path));
    assertTrue(Instant.now().isBefore(instant(reopened.get("nextProbeAt"))),
        "completed before the breaker would have let a probe through");
  }

  @Test
  void anAnswerThatIsNotRetryableCountsForTheAgent() {
    String agentId = failingAgent("{\"failureThreshold\": 2, \"resetTimeout\": \"PT30S\"}");
    agent.on("/" + agentId + "/bad").respond(400, "{\"error\": \"bad request\"}");
    String failing = newCallWorkflow(agentId, "/" + agentId, "");
    String rejected = newCallWorkflow(agentId, "/" + agentId + "/bad", "");

    callOnce(failing);
    assertEquals("HTTP_4XX", step(callOnce(rejected), "call").at("/error/class").asText());
    callOnce(failing);

    JsonNode state = breaker(agentId);
    assertEquals("CLOSED", state.get("state").asText(), "the 400 reset the count: " + state);
    assertEquals(1, state.get("consecutiveFailures").asInt(), state::toPrettyString);
  }

  @Test
  void aCallSlowerThanTheCallTimeoutCountsAsAFailureEvenWhenItSucceeds() {
    String agentId = newAgent("slow", "");
    configure(agentId, "{\"failureThreshold\": 1, \"callTimeout\": \"PT0.2S\","
        + " \"resetTimeout\": \"PT30S\"}");
    agent.on("/" + agentId).delay(Duration.ofMillis(500)).respond(200, "{\"ok\": true}");
    JsonNode done = callOnce(newCallWorkflow(agentId, "/" + agentId, ""));
    assertEquals("COMPLETED", done.get("status").asText(), done::toPrettyString);
    assertEquals("OPEN", breaker(agentId).get("state").asText());
  }

  @Test
  void callsByUrlGoThroughTheHostsBreaker() {
    String host = "host:127.0.0.1:" + agent.port();
    configure(host, "{\"failureThreshold\": 1, \"resetTimeout\": \"PT30S\"}");
    String path = "/" + Resilience.uniqueId("by-url");
    agent.on(path).status(503);
    String workflowId = Resilience.uniqueId("by-url");
    api.createWorkflow("""
        {"id": "%s", "steps": [{"id": "call", "type": "HTTP_REQUEST",
                                 "request": {"url": "%s"}}]}""".formatted(workflowId,
        agent.url(path)));

    assertEquals("FAILED", callOnce(workflowId).get("status").asText());
    JsonNode open = breaker(host);
    assertEquals("OPEN", open.get("state").asText(), open::toPrettyString);
    assertEquals("host", open.get("kind").asText());
    String refused = api.execute(workflowId, "{}");
    awaitStep(api, refused, "call", "RETRYING");
    assertEquals(1, agent.callCount(path));
    assertEquals("CLOSED", api.post(BREAKERS + host + "/reset", "{}").json().get("state").asText());
    assertEquals(200, api.post("/api/v1/executions/" + refused + "/cancel", "{}").status());
  }

  @Test
  void cancellingExecutionsWhoseCallsAreInFlightDoesNotCountAgainstTheAgent() {
    String agentId = newAgent("cancelled", "");
    configure(agentId, "{\"failureThreshold\": 2, \"resetTimeout\": \"PT30S\"}");
    String path = "/" + agentId;
    agent.on(path).delay(Duration.ofSeconds(1)).respond(200, "{\"ok\": true}");
    String workflowId = newCallWorkflow(agentId, path, "");
    for (int i = 1; i <= 2; i++) {
      String id = api.execute(workflowId, "{}");
      agent.awaitCalls(path, i, Duration.ofSeconds(10));
      assertEquals(200, api.post("/api/v1/executions/" + id + "/cancel", "{}").status());
    }
    // By the time the agent sees both clients gone, the engine has long recorded the aborts.
    agent.awaitAborted(path, 2, Duration.ofSeconds(10));

    JsonNode state = breaker(agentId);
    assertEquals("CLOSED", state.get("state").asText(), state::toPrettyString);
    assertEquals(0, state.get("consecutiveFailures").asInt(), state::toPrettyString);
  }

  @Test
  void anInvalidConfigurationIsRefusedWithPointersAndChangesNothing() {
    String agentId = newAgent("invalid", "");
    configure(agentId, "{\"failureThreshold\": 3}");

    JsonNode problem = assertProblem(api.put(BREAKERS + agentId, """
        {"failureThreshold": "many", "resetTimeout": "soon", "halfOpenProbes": 1.5,
         "backoffFactor": "x", "treshold": 1}"""), 400);

    List<String> pointers = pointers(problem);
    for (String pointer : List.of("/failureThreshold", "/resetTimeout", "/halfOpenProbes",
        "/backoffFactor", "/treshold")) {
      assertTrue(pointers.contains(pointer), pointer + " in " + problem.toPrettyString());
    }
    assertEquals(3, breaker(agentId).at("/config/failureThreshold").asInt(), "unchanged");
  }

  @Test
  void anOutOfRangeValueIsReportedAtItsField() {
    String agentId = newAgent("range", "");

    JsonNode problem = assertProblem(api.put(BREAKERS + agentId,
        "{\"failureThreshold\": 0}"), 400);

    assertEquals(List.of("/failureThreshold"), pointers(problem), problem::toPrettyString);
    JsonNode negative = assertProblem(api.put(BREAKERS + agentId,
        "{\"resetTimeout\": \"PT-1S\"}"), 400);
    assertEquals(List.of("/resetTimeout"), pointers(negative), negative::toPrettyString);
  }
}
