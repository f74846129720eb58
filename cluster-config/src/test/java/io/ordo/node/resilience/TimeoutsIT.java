package io.ordo.node.resilience;

import static io.ordo.node.resilience.Resilience.awaitEnd;
import static io.ordo.node.resilience.Resilience.gapsMillis;
import static io.ordo.node.resilience.Resilience.instant;
import static io.ordo.node.resilience.Resilience.step;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.runtime.execution.SubWorkflows;
import io.ordo.node.testing.ApiClient.Response;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Deadlines of HTTP steps against an agent that answers too late: the attempt fails with
 * TIMEOUT, and the agent sees its client go (the call is recorded ABORTED), which proves the
 * engine closed the connection instead of just ceasing to wait. Workflow timeouts and cancels
 * abort running calls the same way.
 */
class TimeoutsIT extends SingleNodeSupport {

  /** How long the agent takes to answer: far beyond every deadline here. */
  private static final Duration SLOW = Duration.ofMillis(1500);

  /** Long enough for the agent to finish its delay and find the client gone. */
  private static final Duration ABORT_SEEN = Duration.ofSeconds(10);

  private String slowPath(String agentId) {
    String path = "/" + agentId + "/slow";
    agent.on(path).delay(SLOW).respond(200, "{\"late\": true}");
    return path;
  }

  @Test
  void aStepTimeoutAbortsTheCallAndIsRetriedAsATimeout() {
    String agentId = newAgent("timeout", "");
    String path = slowPath(agentId);
    String workflowId = newCallWorkflow(agentId, path, "\"timeout\": \"PT0.5S\", \"retry\":"
        + " {\"strategy\": \"FIXED\", \"maxAttempts\": 2, \"initialDelay\": \"PT0.1S\"}");

    JsonNode ended = awaitEnd(api, api.execute(workflowId, "{}"), "FAILED");

    JsonNode call = step(ended, "call");
    assertEquals("TIMEOUT", call.at("/error/class").asText(), call::toPrettyString);
    assertTrue(call.at("/error/retryable").asBoolean());
    assertEquals(2, call.get("attempts").asInt());
    assertEquals(2, agent.callCount(path), () -> "calls: " + agent.calls(path));
    // The second attempt came after the first one's deadline (plus the retry delay).
    assertTrue(gapsMillis(agent.calls(path)).get(0) >= 500, () -> "gap " + agent.calls(path));
    // Both calls were cut off: the agent found its client gone when it answered.
    agent.awaitAborted(path, 2, ABORT_SEEN);
  }

  @Test
  void theAgentsDefaultTimeoutAndRetryApplyToAStepWithoutItsOwn() {
    String agentId = newAgent("agent-timeout", "\"defaultTimeout\": \"PT0.5S\", \"defaultRetry\":"
        + " {\"strategy\": \"FIXED\", \"maxAttempts\": 2, \"initialDelay\": \"PT0.1S\"}");
    String path = slowPath(agentId);
    String workflowId = newCallWorkflow(agentId, path, "");

    JsonNode ended = awaitEnd(api, api.execute(workflowId, "{}"), "FAILED");

    JsonNode call = step(ended, "call");
    assertEquals("TIMEOUT", call.at("/error/class").asText(), call::toPrettyString);
    assertEquals(2, call.get("attempts").asInt(), call::toPrettyString);
    agent.awaitAborted(path, 2, ABORT_SEEN);
  }

  @Test
  void aStepWithItsOwnTimeoutButNoRetryStillUsesItsAgentsDefaultRetry() {
    String agentId = newAgent("own-timeout", "\"defaultRetry\":"
        + " {\"strategy\": \"FIXED\", \"maxAttempts\": 2, \"initialDelay\": \"PT0.1S\"}");
    String path = slowPath(agentId);
    String workflowId = newCallWorkflow(agentId, path, "\"timeout\": \"PT0.5S\"");

    JsonNode ended = awaitEnd(api, api.execute(workflowId, "{}"), "FAILED");

    JsonNode call = step(ended, "call");
    assertEquals("TIMEOUT", call.at("/error/class").asText(), call::toPrettyString);
    assertEquals(2, agent.callCount(path), () -> "calls: " + agent.calls(path));
    assertEquals(2, call.get("attempts").asInt(), call::toPrettyString);
  }

  @Test
  void aWorkflowTimeoutEndsTheExecutionCancelsTheStepAndAbortsItsCall() {
    String agentId = newAgent("wf-timeout", "");
    String path = slowPath(agentId);
    String workflowId = Resilience.uniqueId("wf-timeout");
    api.createWorkflow(Resilience.callWorkflow(workflowId, agentId, path, "")
        .replace("\"steps\"", "\"timeout\": \"PT1S\", \"steps\""));

    JsonNode ended = awaitEnd(api, api.execute(workflowId, "{}"), "TIMED_OUT");

    assertEquals("CANCELLED", step(ended, "call").get("status").asText(), ended::toPrettyString);
    Duration ran = Duration.between(instant(ended.get("startedAt")),
        instant(ended.get("completedAt")));
    assertTrue(ran.compareTo(Duration.ofSeconds(1)) >= 0 && ran.compareTo(SLOW) < 0,
        "ended at its deadline, before the agent answered: " + ran);
    assertEquals(1, agent.callCount(path));
    agent.awaitAborted(path, 1, ABORT_SEEN);
  }

  @Test
  void aSubWorkflowStepTimeoutFailsTheStepAndCancelsTheChild() {
    String child = Resilience.uniqueId("child");
    api.createWorkflow("""
        {"id": "%s", "steps": [{"id": "long", "type": "WAIT", "duration": "PT1H"}]}"""
        .formatted(child));
    String parent = Resilience.uniqueId("parent");
    api.createWorkflow("""
        {"id": "%s", "steps": [{"id": "sub", "type": "SUB_WORKFLOW", "workflow": "%s",
                                 "timeout": "PT0.5S"}]}""".formatted(parent, child));
    String id = api.execute(parent, "{}");

    JsonNode failed = awaitEnd(api, id, "FAILED");

    assertEquals("TIMEOUT", step(failed, "sub").at("/error/class").asText(),
        failed::toPrettyString);
    String childId = SubWorkflows.childId(id, "sub", null, 1, 0);
    await().atMost(Resilience.WAIT).until(() -> api.status(childId).equals("CANCELLED"));
  }

  @Test
  void waitsAndSubWorkflowsIgnoreTheWorkflowsDefaultTimeout() {
    String child = Resilience.uniqueId("child");
    api.createWorkflow("""
        {"id": "%s", "steps": [{"id": "nap", "type": "WAIT", "duration": "PT0.8S"}]}"""
        .formatted(child));
    String workflowId = Resilience.uniqueId("defaults");
    api.createWorkflow("""
        {"id": "%s", "defaults": {"timeout": "PT0.3S"}, "steps": [
          {"id": "approve", "type": "WAIT", "signal": "approval"},
          {"id": "sub", "type": "SUB_WORKFLOW", "workflow": "%s", "dependsOn": ["approve"]}]}"""
        .formatted(workflowId, child));
    String id = api.execute(workflowId, "{}");
    Instant started = Instant.now();
    await().atMost(Resilience.WAIT).until(() -> Instant.now().isAfter(started.plusMillis(600)));
    assertEquals("RUNNING", step(api.execution(id), "approve").get("status").asText());

    assertEquals(200, api.post("/api/v1/executions/" + id + "/signals/approval", "{}").status());
    JsonNode done = awaitEnd(api, id, "COMPLETED");
    assertEquals("COMPLETED", step(done, "sub").get("status").asText());
  }

  @Test
  void cancellingAnExecutionAbortsItsRunningCall() {
    String agentId = newAgent("cancel", "");
    String path = slowPath(agentId);
    String workflowId = newCallWorkflow(agentId, path, "");
    String id = api.execute(workflowId, "{}");
    agent.awaitCalls(path, 1, Duration.ofSeconds(10));

    Response cancelled = api.post("/api/v1/executions/" + id + "/cancel",
        "{\"reason\": \"not needed\"}");

    assertEquals(200, cancelled.status(), cancelled.body());
    assertEquals("CANCELLED", cancelled.json().get("status").asText());
    assertEquals("CANCELLED", step(cancelled.json(), "call").get("status").asText());
    agent.awaitAborted(path, 1, ABORT_SEEN);
    assertEquals(1, agent.callCount(path));
    assertEquals("CANCELLED", api.status(id));
  }
}
