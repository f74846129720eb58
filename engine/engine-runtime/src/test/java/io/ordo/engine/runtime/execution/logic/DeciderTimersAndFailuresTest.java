package io.ordo.engine.runtime.execution.logic;

import static io.ordo.engine.runtime.execution.logic.DeciderHarness.T0;
import static io.ordo.engine.runtime.execution.logic.DeciderHarness.described;
import static io.ordo.engine.runtime.execution.logic.DeciderHarness.eventsOf;
import static io.ordo.engine.runtime.execution.logic.DeciderHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCancelled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepWaiting;
import io.ordo.engine.runtime.lifecycle.ExecutionStatus;
import io.ordo.engine.runtime.lifecycle.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WAIT timers, the workflow timeout, onError, the output budget and cancellation. */
class DeciderTimersAndFailuresTest {

  private static final String WAIT = """
      {"id": "wf", "steps": [
        {"id": "pause", "type": "WAIT", "duration": "PT5M"},
        {"id": "after", "type": "DATA_TRANSFORM", "dependsOn": ["pause"],
         "expression": "${ .steps.pause.output.firedAt }"}
      ]}""";

  @Test
  void waitsForADurationFromNow() {
    var h = DeciderHarness.of(WAIT);

    Decision start = h.start();

    assertEquals(List.of("ExecutionStarted", "StepWaiting(pause)"), described(start));
    StepWaiting waiting = eventsOf(start, StepWaiting.class).get(0);
    assertEquals(T0.plus(Duration.ofMinutes(5)), waiting.dueAt());
    assertNull(waiting.signal());
    assertEquals(StepStatus.RUNNING, h.status("pause"));
    assertTrue(h.step("pause").onTimer());
  }

  @Test
  void doesNothingWhenAdvancedBeforeTheTimerIsDue() {
    var h = DeciderHarness.of(WAIT);
    h.start();

    Decision early = h.advance(T0.plus(Duration.ofMinutes(5)).minusMillis(1));

    assertTrue(early.isEmpty(), () -> described(early).toString());
    assertEquals(ExecutionStatus.RUNNING, h.state().status());
  }

  @Test
  void firesATimerThatIsDueWithTheTimeItFired() {
    var h = DeciderHarness.of(WAIT);
    h.start();
    Instant late = T0.plus(Duration.ofMinutes(7));

    Decision fired = h.advance(late);

    assertEquals(List.of("StepSucceeded(pause)", "StepSucceeded(after)", "ExecutionCompleted"),
        described(fired));
    assertEquals(json("{\"firedAt\": \"" + late + "\"}"), h.output("pause"));
    assertEquals(json("\"" + late + "\""), h.output("after"));
  }

  @Test
  void firesATimerExactlyAtItsDueTime() {
    var h = DeciderHarness.of(WAIT);
    h.start();

    h.advance(T0.plus(Duration.ofMinutes(5)));

    assertEquals(StepStatus.COMPLETED, h.status("pause"));
  }

  @Test
  void firesAtOnceWhenUntilIsInThePast() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "pause", "type": "WAIT", "until": "2020-01-01T00:00:00Z"}]}""");

    Decision start = h.start();

    assertEquals(List.of("ExecutionStarted", "StepWaiting(pause)", "StepSucceeded(pause)",
        "ExecutionCompleted"), described(start));
    assertEquals(json("{\"firedAt\": \"" + T0 + "\"}"), h.output("pause"));
  }

  @Test
  void waitsUntilATimestampGivenInEpochMilliseconds() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [{"id": "pause", "type": "WAIT", "until": "${ .input.at }"}]}""");
    Instant at = T0.plus(Duration.ofHours(2));

    h.start("{\"at\": " + at.toEpochMilli() + "}");

    assertEquals(at, h.step("pause").dueAt());
  }

  @Test
  void timesOutAnExecutionPastItsDeadlineAndCancelsItsRunningSteps() {
    var h = DeciderHarness.of("""
        {"id": "wf", "timeout": "PT10M", "steps": [
          {"id": "pause", "type": "WAIT", "duration": "PT1H"}]}""");
    h.start();
    assertEquals(T0.plus(Duration.ofMinutes(10)), h.state().deadline());

    Decision timedOut = h.advance(T0.plus(Duration.ofMinutes(10)));

    assertEquals(List.of("StepCancelled(pause)", "ExecutionTimedOut"), described(timedOut));
    assertEquals(ExecutionStatus.TIMED_OUT, h.state().status());
    assertEquals(StepStatus.CANCELLED, h.status("pause"));
    assertEquals("TIMED_OUT", h.state().failure().error().errorClass());
  }

  @Test
  void runsDependentsOfAStepThatFailedWithOnErrorContinue() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "shaky", "type": "DATA_TRANSFORM", "onError": "CONTINUE",
           "expression": "${ .input.n.x }"},
          {"id": "next", "type": "DATA_TRANSFORM", "dependsOn": ["shaky"],
           "expression": "${ .steps.shaky.error.class }"}
        ]}""");

    h.start("{\"n\": 1}");

    assertEquals(StepStatus.FAILED, h.status("shaky"));
    assertEquals(json("\"EXPRESSION_FAILED\""), h.output("next"));
    assertEquals(ExecutionStatus.COMPLETED, h.state().status());
    assertEquals(json("{\"next\": \"EXPRESSION_FAILED\"}"), h.state().output());
  }

  @Test
  void failsTheExecutionWithTheStepAndItsErrorWhenAStepFailsWithOnErrorFail() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "shaky", "type": "DATA_TRANSFORM", "expression": "${ .input.n.x }"},
          {"id": "pause", "type": "WAIT", "duration": "PT1H"}
        ]}""");

    Decision start = h.start("{\"n\": 1}");

    assertEquals(ExecutionStatus.FAILED, h.state().status());
    assertEquals("shaky", h.state().failure().stepId());
    assertEquals(h.step("shaky").error(), h.state().failure().error());
    assertEquals("EXPRESSION_FAILED", h.state().failure().error().errorClass());
    List<String> events = described(start);
    assertEquals("ExecutionFailed", events.get(events.size() - 1));
    // The independent WAIT was never started: nothing starts once a step has failed the run.
    assertEquals(List.of("ExecutionStarted", "StepFailed(shaky)", "ExecutionFailed"), events);
    assertEquals(StepStatus.PENDING, h.status("pause"));
  }

  @Test
  void neverRunsTheDependentsOfAStepThatFailedWithOnErrorFail() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "shaky", "type": "DATA_TRANSFORM", "expression": "${ .input.n.x }"},
          {"id": "next", "type": "DATA_TRANSFORM", "dependsOn": ["shaky"], "expression": 1}
        ]}""");

    h.start("{\"n\": 1}");

    assertEquals(ExecutionStatus.FAILED, h.state().status());
    assertTrue(h.status("next") == StepStatus.PENDING || h.status("next") == StepStatus.SKIPPED,
        "next: " + h.status("next"));
  }

  @Test
  void failsAStepWhoseOutputIsOverTheBudget() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "big", "type": "DATA_TRANSFORM", "expression": "${ [range(0; 100)] }"}]}""",
        DeciderHarness.settings(true, 64));

    h.start();

    assertEquals(StepStatus.FAILED, h.status("big"));
    assertEquals("OUTPUT_TOO_LARGE", h.step("big").error().errorClass());
    assertNull(h.output("big"));
    assertEquals(ExecutionStatus.FAILED, h.state().status());
  }

  @Test
  void failsTheExecutionWhenTheWorkflowOutputIsOverTheBudget() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "a", "type": "DATA_TRANSFORM", "expression": "${ [range(0; 15)] }"},
          {"id": "b", "type": "DATA_TRANSFORM", "expression": "${ [range(0; 15)] }"}]}""",
        DeciderHarness.settings(true, 64));

    h.start();

    assertEquals(StepStatus.COMPLETED, h.status("a"));
    assertEquals(ExecutionStatus.FAILED, h.state().status());
    assertNull(h.state().failure().stepId());
    assertEquals("OUTPUT_TOO_LARGE", h.state().failure().error().errorClass());
  }

  @Test
  void cancelsActiveStepsAndItemsThenTheExecution() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "pause", "type": "WAIT", "duration": "PT1H"},
          {"id": "each", "type": "FOR_EACH", "items": "${ [1, 2] }",
           "step": {"type": "WAIT", "duration": "PT1H"}},
          {"id": "done", "type": "DATA_TRANSFORM", "expression": 1},
          {"id": "later", "type": "DATA_TRANSFORM", "dependsOn": ["pause"], "expression": 2}
        ]}""");
    h.start();
    Instant now = T0.plusSeconds(30);

    Decision cancel = h.cancel(now);

    assertEquals(List.of("StepCancelled(pause)", "StepCancelled(each[0])",
        "StepCancelled(each[1])", "StepCancelled(each)", "ExecutionCancelled"), described(cancel));
    ExecutionCancelled cancelled = eventsOf(cancel, ExecutionCancelled.class).get(0);
    assertEquals("alice", cancelled.by());
    assertEquals(now, cancelled.at());
    assertEquals(ExecutionStatus.CANCELLED, h.state().status());
    assertEquals("alice", h.state().failure().by());
    assertEquals(StepStatus.COMPLETED, h.status("done"));
    assertEquals(StepStatus.PENDING, h.status("later"));
  }

  @Test
  void ignoresAdvancesOfAnEndedExecution() {
    var h = DeciderHarness.of(WAIT);
    h.start();
    h.cancel(T0.plusSeconds(1));

    Decision after = h.advance(T0.plus(Duration.ofHours(1)));

    assertTrue(after.isEmpty(), () -> described(after).toString());
  }
}
