package io.ordo.engine.runtime.execution.logic;

import static io.ordo.engine.runtime.execution.logic.DeciderHarness.T0;
import static io.ordo.engine.runtime.execution.logic.DeciderHarness.described;
import static io.ordo.engine.runtime.execution.logic.DeciderHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ordo.engine.runtime.execution.events.ExecutionEvent.SignalReceived;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepRetryScheduled;
import io.ordo.engine.runtime.lifecycle.ExecutionStatus;
import io.ordo.engine.runtime.lifecycle.StepStatus;
import io.ordo.engine.runtime.steps.StepOutcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signals, pause and resume, execution retry, and calls deferred by a circuit breaker. */
class DeciderCommandsTest {

  private static final String APPROVAL = """
      {"id": "wf", "steps": [
        {"id": "approve", "type": "WAIT", "signal": "approval"},
        {"id": "after", "type": "DATA_TRANSFORM", "dependsOn": ["approve"],
         "expression": "${ .steps.approve.output.by }"}]}""";

  @Test
  void aSignalCompletesTheStepWaitingForItWithItsPayload() {
    var h = DeciderHarness.of(APPROVAL);
    h.start();
    assertEquals(StepStatus.RUNNING, h.status("approve"));
    assertEquals("approval", h.step("approve").signal());

    var d = h.signal("approval", "{\"by\": \"bob\"}", T0.plusSeconds(5));

    SignalReceived received = DeciderHarness.eventsOf(d, SignalReceived.class).get(0);
    assertEquals("approve", received.stepId());
    assertEquals(json("{\"by\": \"bob\"}"), h.output("approve"));
    assertEquals(json("\"bob\""), h.output("after"));
    assertEquals(ExecutionStatus.COMPLETED, h.state().status());
  }

  @Test
  void aSignalNobodyWaitsForIsKeptForTheFirstStepThatWill() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "first", "type": "WAIT", "duration": "PT1M"},
          {"id": "approve", "type": "WAIT", "signal": "approval", "dependsOn": ["first"]}]}""");
    h.start();
    var early = h.signal("approval", "{\"n\": 1}", T0.plusSeconds(1));
    h.signal("approval", "{\"n\": 2}", T0.plusSeconds(2));
    assertNull(DeciderHarness.eventsOf(early, SignalReceived.class).get(0).stepId());
    assertEquals(2, h.state().signals().get("approval").size());

    var fired = h.advance(T0.plusSeconds(60));

    assertEquals(List.of("StepSucceeded(first)", "SignalDelivered(approve)",
        "StepSucceeded(approve)", "ExecutionCompleted"), described(fired));
    assertEquals(json("{\"n\": 1}"), h.output("approve"), "the oldest kept signal");
    assertEquals(1, h.state().signals().get("approval").size());
  }

  @Test
  void aSignalWaitFailsWhenItsOwnTimeoutPasses() {
    var h = DeciderHarness.of("""
        {"id": "wf", "defaults": {"timeout": "PT1S"}, "steps": [
          {"id": "approve", "type": "WAIT", "signal": "approval", "timeout": "PT1H"}]}""");
    h.start();
    // The workflow's default timeout is for calls, not for waiting on people.
    assertEquals(T0.plus(Duration.ofHours(1)), h.step("approve").dueAt());
    h.advance(T0.plusSeconds(59 * 60));
    assertEquals(StepStatus.RUNNING, h.status("approve"));

    h.advance(T0.plus(Duration.ofHours(1)));

    assertEquals(StepStatus.FAILED, h.status("approve"));
    assertEquals("SIGNAL_TIMEOUT", h.step("approve").error().errorClass());
    assertEquals(ExecutionStatus.FAILED, h.state().status());
  }

  @Test
  void aPausedExecutionStartsNothingNewUntilResumedThenCatchesUp() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "nap", "type": "WAIT", "duration": "PT1M"},
          {"id": "after", "type": "DATA_TRANSFORM", "dependsOn": ["nap"], "expression": 1}]}""");
    h.start();
    h.pause(T0.plusSeconds(10));
    assertEquals(ExecutionStatus.PAUSED, h.state().status());

    assertTrue(h.advance(T0.plusSeconds(120)).isEmpty(), "a due timer waits for the resume");
    assertEquals(StepStatus.RUNNING, h.status("nap"));

    var resumed = h.resume(T0.plusSeconds(130));

    assertEquals(List.of("ExecutionResumed", "StepSucceeded(nap)", "StepSucceeded(after)",
        "ExecutionCompleted"), described(resumed));
  }

  @Test
  void aPausedExecutionStillRecordsTheResultsOfStepsAlreadyRunning() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "a", "type": "DATA_TRANSFORM", "expression": 1},
          {"id": "b", "type": "DATA_TRANSFORM", "dependsOn": ["a"], "expression": 2}]}""",
        DeciderHarness.settings(false, 256 * 1024));
    h.start();
    h.pause(T0.plusSeconds(1));

    h.outcome("a", null, 1, new StepOutcome.Succeeded(json("1")), T0.plusSeconds(2));

    assertEquals(StepStatus.COMPLETED, h.status("a"));
    assertEquals(StepStatus.PENDING, h.status("b"), "nothing new starts while paused");
    h.resume(T0.plusSeconds(3));
    assertEquals(StepStatus.RUNNING, h.status("b"));
  }

  @Test
  void aRetryRunsTheFailedStepsAgainKeepingCompletedOutputs() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "ok", "type": "DATA_TRANSFORM", "expression": "kept"},
          {"id": "flaky", "type": "DATA_TRANSFORM", "dependsOn": ["ok"],
           "expression": "${ .input.n }"},
          {"id": "last", "type": "DATA_TRANSFORM", "dependsOn": ["flaky"],
           "expression": "${ .steps.ok.output }"}]}""",
        DeciderHarness.settings(false, 256 * 1024));
    h.start();
    h.outcome("ok", null, 1, new StepOutcome.Succeeded(json("\"kept\"")), T0.plusSeconds(1));
    h.outcome("flaky", null, 1, StepOutcome.Failed.of("HTTP_4XX", "no", false),
        T0.plusSeconds(2));
    assertEquals(ExecutionStatus.FAILED, h.state().status());

    var retried = h.retry(T0.plusSeconds(10));

    assertEquals(List.of("ExecutionRetried", "StepStarted(flaky)"), described(retried));
    assertEquals(ExecutionStatus.RUNNING, h.state().status());
    assertEquals(json("\"kept\""), h.output("ok"));
    assertEquals(1, h.step("flaky").attempts(), "a retried execution gives its steps a fresh budget");
    assertEquals(1, h.state().retries());
    h.outcome("flaky", null, 1, new StepOutcome.Succeeded(json("1")), T0.plusSeconds(11));
    h.outcome("last", null, 1, new StepOutcome.Succeeded(json("\"kept\"")), T0.plusSeconds(12));
    assertEquals(ExecutionStatus.COMPLETED, h.state().status());
  }

  @Test
  void aRetriedForEachRunsOnlyItsFailedItems() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "each", "type": "FOR_EACH", "items": "${ [1, 2, 3] }", "concurrency": 3,
           "step": {"type": "DATA_TRANSFORM", "expression": "${ .item }"}}]}""",
        DeciderHarness.settings(false, 256 * 1024));
    h.start();
    h.outcome("each", 0, 1, new StepOutcome.Succeeded(json("10")), T0.plusSeconds(1));
    h.outcome("each", 2, 1, new StepOutcome.Succeeded(json("30")), T0.plusSeconds(1));
    h.outcome("each", 1, 1, StepOutcome.Failed.of("HTTP_4XX", "no", false), T0.plusSeconds(2));
    assertEquals(ExecutionStatus.FAILED, h.state().status());

    var retried = h.retry(T0.plusSeconds(10));

    assertEquals(List.of("ExecutionRetried", "StepStarted(each[1])"), described(retried));
    h.outcome("each", 1, 1, new StepOutcome.Succeeded(json("20")), T0.plusSeconds(11));
    assertEquals(json("[10, 20, 30]"), h.output("each"));
    assertEquals(ExecutionStatus.COMPLETED, h.state().status());
  }

  @Test
  void aTimedOutExecutionRetriesWithANewDeadline() {
    var h = DeciderHarness.of("""
        {"id": "wf", "timeout": "PT1M", "steps": [
          {"id": "nap", "type": "WAIT", "duration": "PT2M"}]}""");
    h.start();
    h.advance(T0.plusSeconds(60));
    assertEquals(ExecutionStatus.TIMED_OUT, h.state().status());

    h.retry(T0.plusSeconds(100));

    assertEquals(T0.plusSeconds(160), h.state().deadline());
    assertEquals(StepStatus.RUNNING, h.status("nap"));
    assertEquals(T0.plusSeconds(220), h.step("nap").dueAt(), "the wait starts over");
  }

  @Test
  void aCallDeferredByABreakerWaitsWithoutSpendingAnAttempt() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [{"id": "call", "type": "DATA_TRANSFORM", "expression": 1,
          "retry": {"strategy": "NONE"}}]}""",
        DeciderHarness.settings(false, 256 * 1024));
    h.start();

    var deferred = h.outcome("call", null, 1,
        new StepOutcome.Deferred(T0.plusSeconds(30), "breaker open"), T0.plusSeconds(1));

    StepRetryScheduled scheduled = DeciderHarness.eventsOf(deferred, StepRetryScheduled.class)
        .get(0);
    assertEquals(1, scheduled.nextAttempt(), "the same attempt, even with retries off");
    assertEquals(StepStatus.RETRYING, h.status("call"));
    assertEquals(List.of("StepStarted(call)"), described(h.advance(T0.plusSeconds(30))));
    assertEquals(1, h.step("call").attempts());
  }
}
