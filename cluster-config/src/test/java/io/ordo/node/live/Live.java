package io.ordo.node.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ordo.node.testing.ApiClient;
import io.ordo.node.testing.ApiClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** What the live-event ITs share: workflows, ids, waits and delay statistics. */
final class Live {

  static final Duration WAIT = Duration.ofSeconds(20);
  static final Duration POLL = Duration.ofMillis(20);

  /** Two steps in sequence: over in a moment. */
  static final String SEQUENCE = """
      {"id": "$ID", "steps": [
        {"id": "a", "type": "DATA_TRANSFORM", "expression": "${ .input.n }"},
        {"id": "b", "type": "DATA_TRANSFORM", "dependsOn": ["a"],
         "expression": "${ .steps.a.output + 1 }"}],
       "output": "${ .steps.b.output }"}""";

  /** Waits for the signal "approval", then one more step. */
  static final String APPROVAL = """
      {"id": "$ID", "steps": [
        {"id": "approve", "type": "WAIT", "signal": "approval"},
        {"id": "after", "type": "DATA_TRANSFORM", "dependsOn": ["approve"],
         "expression": "${ .steps.approve.output.by }"}],
       "output": "${ .steps.after.output }"}""";

  /**
   * Waits for the signal "go", then calls agent {@code $AGENT} once per item of the input, 10 at
   * a time: each call persists its own step.started and step.succeeded, as real work does.
   */
  static final String CALLS = """
      {"id": "$ID", "steps": [
        {"id": "gate", "type": "WAIT", "signal": "go"},
        {"id": "each", "type": "FOR_EACH", "dependsOn": ["gate"],
         "items": "${ .input.items }", "concurrency": 10,
         "step": {"type": "HTTP_REQUEST", "agent": "$AGENT", "request": {"path": "/ok"}}}]}""";

  private static final AtomicInteger IDS = new AtomicInteger();
  private static final Set<String> NOT_ENDED = Set.of("PENDING", "RUNNING", "PAUSED");

  private Live() {}

  static String workflow(ApiClient api, String template) {
    String id = "live-" + IDS.incrementAndGet() + "-"
        + UUID.randomUUID().toString().substring(0, 8);
    api.createWorkflow(template.replace("$ID", id));
    return id;
  }

  static void awaitEnded(ApiClient api, String executionId) {
    await().pollInterval(Duration.ofMillis(50)).atMost(WAIT)
        .until(() -> !NOT_ENDED.contains(api.status(executionId)));
  }

  static void signal(ApiClient api, String executionId, String name, String body) {
    Response r = api.post("/api/v1/executions/" + executionId + "/signals/" + name, body);
    assertEquals(200, r.status(), r.body());
  }

  /** Waits until the client has received an event of the type. */
  static void awaitEvent(SseClient client, String type) {
    await().pollInterval(POLL).atMost(WAIT).until(() -> client.has(type));
  }

  static void awaitEnd(SseClient client) {
    await().pollInterval(POLL).atMost(WAIT).until(client::ended);
  }

  /** The p-th percentile (0..100) of the values, nearest rank. */
  static long percentile(List<Long> values, double p) {
    var sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
