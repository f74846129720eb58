package io.ordo.node.resilience;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.node.testing.ApiClient;
import io.ordo.node.testing.ApiClient.Response;
import io.ordo.testkit.RecordedCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** What the resilience ITs share: ids, agents, workflows, waiting on executions, call timing. */
final class Resilience {

  /** How long an execution may take to get where a test expects it. */
  static final Duration WAIT = Duration.ofSeconds(20);

  /** How often waits look again. */
  static final Duration POLL = Duration.ofMillis(50);

  /** Upper tolerance on a retry delay: timer, journal write, actor start, connection. */
  static final long SLACK_MS = 700;

  private static final AtomicInteger IDS = new AtomicInteger();
  private static final Set<String> NOT_ENDED = Set.of("PENDING", "RUNNING", "PAUSED");

  private Resilience() {}

  /** An id no other test uses; also a valid agent and workflow id. */
  static String uniqueId(String prefix) {
    return prefix + "-" + IDS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Registers an agent whose base URL is the test agent's.
   *
   * @param extra further members of the agent document, e.g. {@code "defaultTimeout": "PT1S"}
   */
  static void registerAgent(ApiClient api, String baseUrl, String agentId, String extra) {
    String body = "{\"id\": \"" + agentId + "\", \"baseUrl\": \"" + baseUrl + "\""
        + (extra == null || extra.isBlank() ? "" : ", " + extra) + "}";
    Response r = api.post("/api/v1/agents", body);
    assertEquals(201, r.status(), () -> "agent not created: " + r.body());
  }

  /**
   * A workflow of one HTTP_REQUEST step {@code call} (GET on the agent's {@code path}).
   *
   * @param stepExtra further members of the step, e.g. {@code "retry": {...}}, or empty
   */
  static String callWorkflow(String workflowId, String agentId, String path, String stepExtra) {
    return """
        {"id": "%s", "steps": [
          {"id": "call", "type": "HTTP_REQUEST", "agent": "%s", "request": {"path": "%s"}%s}]}"""
        .formatted(workflowId, agentId, path, members(stepExtra));
  }

  static String members(String extra) {
    return extra == null || extra.isBlank() ? "" : ", " + extra;
  }

  /** Waits until the execution has ended and answers it. */
  static JsonNode awaitEnd(ApiClient api, String executionId) {
    await().pollInterval(POLL).atMost(WAIT)
        .until(() -> !NOT_ENDED.contains(api.status(executionId)));
    return api.execution(executionId);
  }

  /** Waits until the execution ended with {@code status}; fails at once on another end. */
  static JsonNode awaitEnd(ApiClient api, String executionId, String status) {
    JsonNode ended = awaitEnd(api, executionId);
    assertEquals(status, ended.get("status").asText(), ended::toPrettyString);
    return ended;
  }

  /** Waits until the step has the status and answers the execution. */
  static JsonNode awaitStep(ApiClient api, String executionId, String stepId, String status) {
    await().pollInterval(POLL).atMost(WAIT).until(() -> status.equals(
        step(api.execution(executionId), stepId).get("status").asText()));
    return api.execution(executionId);
  }

  static JsonNode step(JsonNode execution, String stepId) {
    for (JsonNode step : execution.get("steps")) {
      if (step.get("id").asText().equals(stepId)) {
        return step;
      }
    }
    throw new AssertionError("no step '" + stepId + "' in " + execution.toPrettyString());
  }

  static Instant instant(JsonNode value) {
    assertTrue(value != null && value.isTextual(), () -> "a timestamp, not " + value);
    return Instant.parse(value.asText());
  }

  /** Milliseconds between consecutive calls, as the agent received them. */
  static List<Long> gapsMillis(List<RecordedCall> calls) {
    var gaps = new ArrayList<Long>();
    for (int i = 1; i < calls.size(); i++) {
      gaps.add(Duration.between(calls.get(i - 1).receivedAt(), calls.get(i).receivedAt())
          .toMillis());
    }
    return gaps;
  }

  /** At least {@code min} (strictly: the policy's delay), at most {@code min + SLACK_MS}. */
  static void assertGap(long gapMs, long minMs, String what) {
    assertTrue(gapMs >= minMs, what + ": " + gapMs + " ms, expected at least " + minMs + " ms");
    assertTrue(gapMs <= minMs + SLACK_MS, what + ": " + gapMs + " ms, expected at most "
        + (minMs + SLACK_MS) + " ms");
  }

  /** An RFC 7807 problem with the status; answers its body. */
  static JsonNode assertProblem(Response r, int status) {
    assertEquals(status, r.status(), () -> "status of: " + r.body());
    assertTrue(r.contentType() != null && r.contentType().startsWith("application/problem+json"),
        () -> "problem+json, not " + r.contentType() + ": " + r.body());
    return r.json();
  }

  /** The pointers of a problem's errors. */
  static List<String> pointers(JsonNode problem) {
    var pointers = new ArrayList<String>();
    problem.path("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
    return pointers;
  }
}
