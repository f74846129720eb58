package io.ordo.node.resilience;

import static io.ordo.node.resilience.Resilience.WAIT;
import static io.ordo.node.resilience.Resilience.awaitEnd;
import static io.ordo.node.resilience.Resilience.awaitStep;
import static io.ordo.node.resilience.Resilience.instant;
import static io.ordo.node.resilience.Resilience.step;
import static io.ordo.node.resilience.Resilience.uniqueId;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.Json;
import io.ordo.engine.runtime.execution.SubWorkflows;
import io.ordo.node.testing.ApiClient.Response;
import io.ordo.node.testing.Journal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Commands to executions on a real node: retry, signals, pause and resume, sub-workflows. */
class ExecutionCommandsIT extends SingleNodeSupport {

  private static final String ALL_CANCELLED = "SELECT count(*) FROM event_journal WHERE"
      + " persistence_id LIKE 'Execution|%' AND event_ser_manifest LIKE '%$ExecutionCancelled'";

  private Response command(String id, String command) {
    return api.post("/api/v1/executions/" + id + "/" + command, "{}");
  }

  private Response signal(String id, String name, String payload) {
    return api.post("/api/v1/executions/" + id + "/signals/" + name, payload);
  }

  private String workflow(String json) {
    String id = uniqueId("cmd");
    api.createWorkflow(json.replace("$ID", id));
    return id;
  }

  private static JsonNode json(String text) throws Exception {
    return Json.mapper().readTree(text);
  }

  @Test
  void aRetriedExecutionRunsItsFailedStepAgainAndKeepsWhatCompleted() {
    String agentId = newAgent("retry-exec", "");
    String path = "/" + agentId;
    agent.on(path).respond(400, "{\"error\": \"not yet\"}");
    String workflowId = workflow("""
        {"id": "$ID", "steps": [
          {"id": "a", "type": "DATA_TRANSFORM", "expression": {"n": "${ .input.n }"}},
          {"id": "b", "type": "HTTP_REQUEST", "agent": "%s", "dependsOn": ["a"],
           "request": {"method": "POST", "path": "%s", "body": "${ .steps.a.output }"}},
          {"id": "c", "type": "DATA_TRANSFORM", "dependsOn": ["b"],
           "expression": "${ .steps.b.output.body.ok }"}]}""".formatted(agentId, path));
    String id = api.execute(workflowId, "{\"input\": {\"n\": 7}}");
    JsonNode failed = awaitEnd(api, id, "FAILED");
    assertEquals("HTTP_4XX", failed.at("/error/class").asText());
    assertEquals("PENDING", step(failed, "c").get("status").asText());
    JsonNode a = step(failed, "a");

    agent.on(path).respond(200, "{\"ok\": true}");
    Response retried = command(id, "retry");
    assertEquals(200, retried.status(), retried.body());
    JsonNode done = awaitEnd(api, id, "COMPLETED");

    JsonNode aAfter = step(done, "a");
    assertEquals(a.get("output"), aAfter.get("output"));
    assertEquals(a.get("completedAt"), aAfter.get("completedAt"), "a did not run again");
    assertEquals(2, agent.callCount(path), "b called again");
    assertEquals(7, agent.calls(path).get(1).bodyJson().get("n").asInt());
    assertEquals(agent.calls(path).get(0).idempotencyKey(), agent.calls(path).get(1)
        .idempotencyKey(), "a retried execution keeps its keys");
    assertTrue(step(done, "c").get("output").asBoolean());
    assertEquals(1, Journal.count(db, id, "ExecutionRetried"));

    Response again = command(id, "retry");
    assertEquals(409, again.status(), "a completed execution cannot be retried: " + again.body());
  }

  @Test
  void aRetriedTimedOutExecutionGetsANewDeadline() {
    String workflowId = workflow("""
        {"id": "$ID", "timeout": "PT0.5S", "steps": [
          {"id": "approve", "type": "WAIT", "signal": "approval"}]}""");
    String id = api.execute(workflowId, "{}");
    JsonNode timedOut = awaitEnd(api, id, "TIMED_OUT");
    Instant oldDeadline = instant(timedOut.get("deadline"));

    Response retried = command(id, "retry");
    assertEquals(200, retried.status(), retried.body());
    assertEquals("RUNNING", retried.json().get("status").asText(), retried.body());
    assertTrue(instant(retried.json().get("deadline")).isAfter(oldDeadline), retried.body());
    awaitStep(api, id, "approve", "RUNNING");
    assertEquals(200, signal(id, "approval", "{\"ok\": 1}").status());
    awaitEnd(api, id, "COMPLETED");
  }

  @Test
  void retryingAParentWhoseChildFailedRunsAFreshChild() {
    String agentId = newAgent("child", "");
    String path = "/" + agentId;
    agent.on(path).fail(1, 400).thenRespond(200, "{\"ok\": true}");
    String child = workflow(Resilience.callWorkflow("$ID", agentId, path, ""));
    String parent = workflow("""
        {"id": "$ID", "steps": [{"id": "sub", "type": "SUB_WORKFLOW", "workflow": "%s"}]}"""
        .formatted(child));
    String id = api.execute(parent, "{}");
    awaitEnd(api, id, "FAILED");
    assertEquals("FAILED", api.status(SubWorkflows.childId(id, "sub", null, 1, 0)));

    assertEquals(200, command(id, "retry").status());
    JsonNode done = awaitEnd(api, id, "COMPLETED");
    assertEquals(200, step(done, "sub").at("/output/call/status").asInt(), done::toPrettyString);
    assertEquals("COMPLETED", api.status(SubWorkflows.childId(id, "sub", null, 1, 1)));
    assertEquals(2, agent.callCount(path));
  }

  @Test
  void aSignalCompletesTheStepWaitingForItWithItsPayload() throws Exception {
    String workflowId = workflow("""
        {"id": "$ID", "steps": [
          {"id": "approve", "type": "WAIT", "signal": "approval"},
          {"id": "after", "type": "DATA_TRANSFORM", "dependsOn": ["approve"],
           "expression": "${ .steps.approve.output.by }"}],
         "output": "${ .steps.after.output }"}""");
    String id = api.execute(workflowId, "{}");
    assertEquals("RUNNING", step(api.execution(id), "approve").get("status").asText());

    Response r = signal(id, "approval", "{\"by\": \"bob\"}");

    assertEquals(200, r.status(), r.body());
    assertEquals("approve", r.json().get("stepId").asText(), r.body());
    assertFalse(r.json().get("kept").asBoolean());
    JsonNode done = awaitEnd(api, id, "COMPLETED");
    assertEquals(json("{\"by\": \"bob\"}"), step(done, "approve").get("output"));
    assertEquals("bob", done.get("output").asText());

    Response late = signal(id, "approval", "{\"by\": \"eve\"}");
    assertEquals(409, late.status(), "an ended execution takes no signal: " + late.body());
  }

  @Test
  void aSignalSentBeforeItsStepWaitsIsKeptUntilItDoes() throws Exception {
    String workflowId = workflow("""
        {"id": "$ID", "steps": [
          {"id": "first", "type": "WAIT", "signal": "go"},
          {"id": "approve", "type": "WAIT", "signal": "approval", "dependsOn": ["first"]}]}""");
    String id = api.execute(workflowId, "{}");

    Response early = signal(id, "approval", "{\"by\": \"alice\"}");
    assertEquals(200, early.status(), early.body());
    assertTrue(early.json().get("kept").asBoolean(), early.body());
    assertTrue(early.json().get("stepId").isNull(), early.body());
    assertEquals("PENDING", step(api.execution(id), "approve").get("status").asText());

    assertEquals(200, signal(id, "go", "{}").status());
    JsonNode done = awaitEnd(api, id, "COMPLETED");
    assertEquals(json("{\"by\": \"alice\"}"), step(done, "approve").get("output"));
  }

  @Test
  void aSignalWaitThatTimesOutFailsTheExecution() {
    String workflowId = workflow("""
        {"id": "$ID", "steps": [
          {"id": "approve", "type": "WAIT", "signal": "approval", "timeout": "PT0.5S"}]}""");
    JsonNode failed = awaitEnd(api, api.execute(workflowId, "{}"), "FAILED");
    assertEquals("SIGNAL_TIMEOUT", step(failed, "approve").at("/error/class").asText(),
        failed::toPrettyString);
    assertEquals("SIGNAL_TIMEOUT", failed.at("/error/class").asText());
  }

  @Test
  void aPausedExecutionStartsNothingUntilResumed() {
    String agentId = newAgent("pause", "");
    String path = "/" + agentId;
    agent.on(path).respond(200, "{\"ok\": true}");
    String workflowId = workflow("""
        {"id": "$ID", "steps": [
          {"id": "nap", "type": "WAIT", "duration": "PT1S"},
          {"id": "next", "type": "HTTP_REQUEST", "agent": "%s", "dependsOn": ["nap"],
           "request": {"path": "%s"}}]}""".formatted(agentId, path));
    String id = api.execute(workflowId, "{}");
    Instant due = instant(step(api.execution(id), "nap").get("dueAt"));

    Response paused = command(id, "pause");
    assertEquals(200, paused.status(), paused.body());
    assertEquals("PAUSED", paused.json().get("status").asText());
    assertTrue(Instant.now().isBefore(due), "paused before the timer was due");
    await().atMost(WAIT).until(() -> Instant.now().isAfter(due.plusMillis(700)));

    JsonNode still = api.execution(id);
    assertEquals("PAUSED", still.get("status").asText());
    assertEquals("RUNNING", step(still, "nap").get("status").asText(), "the timer waits");
    assertEquals("PENDING", step(still, "next").get("status").asText(), still::toPrettyString);
    assertEquals(0, agent.callCount(path));

    Response resumed = command(id, "resume");
    assertEquals(200, resumed.status(), resumed.body());
    JsonNode done = awaitEnd(api, id, "COMPLETED");
    assertEquals(1, agent.callCount(path));
    assertFalse(instant(step(done, "nap").get("completedAt")).isBefore(due));

    assertEquals(409, command(id, "pause").status(), "a completed execution cannot pause");
    assertEquals(409, command(id, "resume").status(), "nor resume");
  }

  @Test
  void aRetryThatComesDueWhilePausedWaitsForTheResume() {
    String agentId = newAgent("pause-retry", "");
    String path = "/" + agentId;
    agent.on(path).fail(1, 503).thenRespond(200, "{\"ok\": true}");
    String id = api.execute(newCallWorkflow(agentId, path, "\"retry\": {\"strategy\":"
        + " \"FIXED\", \"maxAttempts\": 2, \"initialDelay\": \"PT1S\"}"), "{}");
    Instant due = instant(step(awaitStep(api, id, "call", "RETRYING"), "call").get("dueAt"));

    assertEquals("PAUSED", command(id, "pause").json().get("status").asText());
    assertTrue(Instant.now().isBefore(due), "paused before the retry was due");
    await().atMost(WAIT).until(() -> Instant.now().isAfter(due.plusMillis(300)));
    assertEquals(1, agent.callCount(path), "no attempt while paused");
    assertEquals("RETRYING", step(api.execution(id), "call").get("status").asText());

    assertEquals(200, command(id, "resume").status());
    awaitEnd(api, id, "COMPLETED");
    assertEquals(2, agent.callCount(path));
  }

  @Test
  void aSubWorkflowRunsTheChildAndTakesItsOutput() throws Exception {
    String child = workflow("""
        {"id": "$ID", "steps": [
          {"id": "double", "type": "DATA_TRANSFORM", "expression": "${ .input.n * 2 }"}],
         "output": "${ {doubled: .steps.double.output} }"}""");
    String parent = workflow("""
        {"id": "$ID", "steps": [
          {"id": "sub", "type": "SUB_WORKFLOW", "workflow": "%s", "input": {"n": "${ .input.n }"}}],
         "output": "${ .steps.sub.output }"}""".formatted(child));
    String id = api.execute(parent, "{\"input\": {\"n\": 21}}");
    JsonNode done = awaitEnd(api, id, "COMPLETED");
    assertEquals(json("{\"doubled\": 42}"), done.get("output"));
    assertEquals(json("{\"doubled\": 42}"), step(done, "sub").get("output"));

    JsonNode childRun = api.execution(SubWorkflows.childId(id, "sub", null, 1, 0));
    assertEquals("COMPLETED", childRun.get("status").asText());
    assertEquals("execution:" + id, childRun.get("triggeredBy").asText());
  }

  @Test
  void cancellingTheParentCancelsItsChild() {
    String child = workflow("""
        {"id": "$ID", "steps": [{"id": "long", "type": "WAIT", "duration": "PT1H"}]}""");
    String parent = workflow("""
        {"id": "$ID", "steps": [{"id": "sub", "type": "SUB_WORKFLOW", "workflow": "%s"}]}"""
        .formatted(child));
    String id = api.execute(parent, "{}");
    String childId = SubWorkflows.childId(id, "sub", null, 1, 0);
    await().atMost(WAIT).until(() -> api.get("/api/v1/executions/" + childId).status() == 200);
    assertEquals("RUNNING", api.status(childId));

    long cancelledBefore = Journal.countRows(db, ALL_CANCELLED);
    Response cancelled = api.post("/api/v1/executions/" + id + "/cancel", "{}");
    assertEquals(200, cancelled.status(), cancelled.body());
    assertEquals("CANCELLED", step(cancelled.json(), "sub").get("status").asText());

    await().atMost(WAIT).until(() -> api.status(childId).equals("CANCELLED"));
    assertEquals("execution:" + id, api.execution(childId).at("/error/by").asText());
    // The journal agrees: one cancellation for the parent, one for its child, nothing else.
    assertEquals(1, Journal.count(db, id, "ExecutionCancelled"));
    assertEquals(1, Journal.count(db, childId, "ExecutionCancelled"));
    assertEquals(cancelledBefore + 2, Journal.countRows(db, ALL_CANCELLED));
  }

  @Test
  void aFailingChildFailsItsParentStep() {
    String child = workflow("""
        {"id": "$ID", "steps": [{"id": "check", "type": "VALIDATION", "value": "${ .input }",
                                 "schema": {"type": "object", "required": ["sku"]}}]}""");
    String parent = workflow("""
        {"id": "$ID", "steps": [{"id": "sub", "type": "SUB_WORKFLOW", "workflow": "%s"}]}"""
        .formatted(child));
    JsonNode failed = awaitEnd(api, api.execute(parent, "{}"), "FAILED");
    JsonNode sub = step(failed, "sub");
    assertEquals("FAILED", sub.get("status").asText());
    assertEquals("SUB_WORKFLOW_FAILED", sub.at("/error/class").asText(), sub::toPrettyString);
    assertEquals("FAILED", sub.at("/error/details/status").asText());
    assertEquals("VALIDATION_FAILED", sub.at("/error/details/class").asText());
  }

  @Test
  void aSubWorkflowOfAMissingWorkflowFails() {
    String parent = workflow("""
        {"id": "$ID", "steps": [{"id": "sub", "type": "SUB_WORKFLOW", "workflow": "no-such-wf"}]}""");
    JsonNode failed = awaitEnd(api, api.execute(parent, "{}"), "FAILED");
    assertEquals("SUB_WORKFLOW_NOT_FOUND", step(failed, "sub").at("/error/class").asText(),
        failed::toPrettyString);
  }

  @Test
  void aSignalToAnUnknownExecutionIsNotFoundAndAnInvalidNameIsRefused() {
    String workflowId = workflow("""
        {"id": "$ID", "steps": [{"id": "approve", "type": "WAIT", "signal": "approval"}]}""");
    String id = api.execute(workflowId, "{}");
    assertEquals(400, signal(id, "not%20valid!", "{}").status());
    assertEquals(404, signal("00000000-0000-0000-0000-000000000000", "approval", "{}").status());
    awaitStep(api, id, "approve", "RUNNING");
    assertEquals(200, command(id, "cancel").status());
  }
}
