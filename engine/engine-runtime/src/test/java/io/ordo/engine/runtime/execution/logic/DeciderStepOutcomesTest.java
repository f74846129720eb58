package io.ordo.engine.runtime.execution.logic;

import static io.ordo.engine.runtime.execution.logic.DeciderHarness.T0;
import static io.ordo.engine.runtime.execution.logic.DeciderHarness.described;
import static io.ordo.engine.runtime.execution.logic.DeciderHarness.eventsOf;
import static io.ordo.engine.runtime.execution.logic.DeciderHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepRetryScheduled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepSucceeded;
import io.ordo.engine.runtime.lifecycle.ExecutionStatus;
import io.ordo.engine.runtime.lifecycle.StepStatus;
import io.ordo.engine.runtime.steps.StepOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Steps run by step actors (inline pure steps off): the decider marks the attempt started and
 * records what the actor reports, retrying per the step's policy.
 */
class DeciderStepOutcomesTest {

  private static final String RETRIED = """
      {"id": "wf", "steps": [
        {"id": "call", "type": "DATA_TRANSFORM", "expression": 1,
         "retry": {"strategy": "FIXED", "maxAttempts": 3, "initialDelay": "PT2S"}},
        {"id": "next", "type": "DATA_TRANSFORM", "dependsOn": ["call"], "expression": 2}
      ]}""";

  private static DeciderHarness actorRun(String definition) {
    return DeciderHarness.of(definition, DeciderHarness.settings(false, 256 * 1024));
  }

  private static StepOutcome.Failed retryable(String message) {
    return StepOutcome.Failed.of("HTTP_5XX", message, true);
  }

  @Test
  void startsAPureStepForAStepActorWhenInliningIsOff() {
    var h = actorRun(RETRIED);

    Decision start = h.start();

    assertEquals(List.of("ExecutionStarted", "StepStarted(call)"), described(start));
    StepStarted started = eventsOf(start, StepStarted.class).get(0);
    assertEquals(1, started.attempt());
    assertEquals(T0, started.at());
    assertEquals(StepStatus.RUNNING, h.status("call"));
  }

  @Test
  void completesTheStepWithTheReportedOutputAndMovesOn() {
    var h = actorRun(RETRIED);
    h.start();
    Instant now = T0.plusMillis(250);

    Decision done = h.outcome("call", null, 1, new StepOutcome.Succeeded(json("{\"ok\": 1}")), now);

    assertEquals(List.of("StepSucceeded(call)", "StepStarted(next)"), described(done));
    assertEquals(json("{\"ok\": 1}"), h.output("call"));
    assertEquals(now, h.step("call").endedAt());
    assertEquals(StepStatus.RUNNING, h.status("next"));
  }

  @Test
  void recordsHowLongTheAttemptTook() {
    var h = actorRun(RETRIED);
    h.start();

    Decision done = h.outcome("call", null, 1, new StepOutcome.Succeeded(json("1")),
        T0.plusMillis(250));

    assertEquals(250, eventsOf(done, StepSucceeded.class).get(0).durationMs());
  }

  @Test
  void ignoresAnOutcomeForAnAttemptThatIsNotTheCurrentOne() {
    var h = actorRun(RETRIED);
    h.start();

    Decision stale = h.outcome("call", null, 2, new StepOutcome.Succeeded(json("1")), T0);

    assertTrue(stale.isEmpty());
    assertEquals(StepStatus.RUNNING, h.status("call"));
  }

  @Test
  void ignoresAnOutcomeForAStepThatIsNotRunning() {
    var h = actorRun(RETRIED);
    h.start();

    Decision unknown = h.outcome("next", null, 1, new StepOutcome.Succeeded(json("1")), T0);

    assertTrue(unknown.isEmpty());
  }

  @Test
  void schedulesARetryAfterTheDelayOfTheStepsPolicy() {
    var h = actorRun(RETRIED);
    h.start();
    Instant now = T0.plusSeconds(1);

    Decision failed = h.outcome("call", null, 1, retryable("503"), now);

    assertEquals(List.of("StepFailed(call)", "StepRetryScheduled(call)"), described(failed));
    StepRetryScheduled retry = eventsOf(failed, StepRetryScheduled.class).get(0);
    assertEquals(2, retry.nextAttempt());
    assertEquals(now.plusSeconds(2), retry.dueAt());
    assertEquals(StepStatus.RETRYING, h.status("call"));
    assertEquals(1, h.step("call").attempts());
    assertEquals("503", h.step("call").error().message());
    assertEquals(ExecutionStatus.RUNNING, h.state().status());
  }

  @Test
  void startsTheNextAttemptWhenTheRetryIsDue() {
    var h = actorRun(RETRIED);
    h.start();
    h.outcome("call", null, 1, retryable("503"), T0);

    assertTrue(h.advance(T0.plusSeconds(2).minusMillis(1)).isEmpty());
    Decision due = h.advance(T0.plusSeconds(2));

    assertEquals(List.of("StepStarted(call)"), described(due));
    assertEquals(2, eventsOf(due, StepStarted.class).get(0).attempt());
    assertEquals(StepStatus.RUNNING, h.status("call"));
    assertEquals(2, h.step("call").attempts());
    assertEquals(T0, h.step("call").startedAt());
    assertEquals(T0.plusSeconds(2), h.step("call").attemptStartedAt());
  }

  @Test
  void failsForGoodAfterMaxAttempts() {
    var h = actorRun(RETRIED);
    h.start();
    Instant now = T0;
    for (int attempt = 1; attempt <= 2; attempt++) {
      h.outcome("call", null, attempt, retryable("503 #" + attempt), now);
      now = now.plusSeconds(2);
      h.advance(now);
    }

    Decision last = h.outcome("call", null, 3, retryable("503 #3"), now);

    assertEquals(List.of("StepFailed(call)", "ExecutionFailed"), described(last));
    assertEquals(3, h.step("call").attempts());
    assertEquals("503 #3", h.state().failure().error().message());
    assertEquals(ExecutionStatus.FAILED, h.state().status());
    assertEquals(StepStatus.PENDING, h.status("next"));
  }

  @Test
  void succeedsOnALaterAttempt() {
    var h = actorRun(RETRIED);
    h.start();
    h.outcome("call", null, 1, retryable("503"), T0);
    h.advance(T0.plusSeconds(2));

    h.outcome("call", null, 2, new StepOutcome.Succeeded(json("\"second\"")), T0.plusSeconds(3));

    assertEquals(StepStatus.COMPLETED, h.status("call"));
    assertEquals(2, h.step("call").attempts());
    assertEquals(json("\"second\""), h.output("call"));
  }

  @Test
  void neverRetriesANonRetryableFailure() {
    var h = actorRun(RETRIED);
    h.start();

    Decision failed = h.outcome("call", null, 1,
        StepOutcome.Failed.of("HTTP_4XX", "400 bad request", false), T0);

    assertEquals(List.of("StepFailed(call)", "ExecutionFailed"), described(failed));
  }

  @Test
  void neverRetriesAnErrorClassThePolicyListsAsNonRetryable() {
    var h = actorRun("""
        {"id": "wf", "steps": [
          {"id": "call", "type": "DATA_TRANSFORM", "expression": 1,
           "retry": {"strategy": "FIXED", "maxAttempts": 3, "initialDelay": "PT2S",
                     "nonRetryableErrors": ["HTTP_5XX"]}}]}""");
    h.start();

    Decision failed = h.outcome("call", null, 1, retryable("503"), T0);

    assertEquals(List.of("StepFailed(call)", "ExecutionFailed"), described(failed));
  }

  @Test
  void honoursARetryAfterLongerThanThePolicyDelay() {
    var h = actorRun(RETRIED);
    h.start();

    Decision failed = h.outcome("call", null, 1, new StepOutcome.Failed(
        StepError.of("HTTP_429", "slow down", true), Duration.ofSeconds(30)), T0);

    assertEquals(T0.plusSeconds(30),
        eventsOf(failed, StepRetryScheduled.class).get(0).dueAt());
  }

  @Test
  void keepsThePolicyDelayWhenRetryAfterIsShorter() {
    var h = actorRun(RETRIED);
    h.start();

    Decision failed = h.outcome("call", null, 1, new StepOutcome.Failed(
        StepError.of("HTTP_429", "slow down", true), Duration.ofMillis(500)), T0);

    assertEquals(T0.plusSeconds(2), eventsOf(failed, StepRetryScheduled.class).get(0).dueAt());
  }

  @Test
  void spreadsTheRetryDelayWithTheGivenRandomSource() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "call", "type": "DATA_TRANSFORM", "expression": 1,
           "retry": {"strategy": "FIXED", "maxAttempts": 2, "initialDelay": "PT10S",
                     "jitter": 0.5}}]}""", DeciderHarness.settings(false, 1024), () -> 0.0);
    h.start();

    Decision failed = h.outcome("call", null, 1, retryable("503"), T0);

    assertEquals(T0.plusSeconds(5), eventsOf(failed, StepRetryScheduled.class).get(0).dueAt());
  }

  @Test
  void usesTheWorkflowDefaultRetryPolicyWhenTheStepHasNone() {
    var h = actorRun("""
        {"id": "wf", "defaults": {"retry": {"strategy": "EXPONENTIAL", "maxAttempts": 4,
                                            "initialDelay": "PT1S", "multiplier": 3.0}},
         "steps": [{"id": "call", "type": "DATA_TRANSFORM", "expression": 1}]}""");
    h.start();
    h.outcome("call", null, 1, retryable("a"), T0);
    h.advance(T0.plusSeconds(1));

    Decision second = h.outcome("call", null, 2, retryable("b"), T0.plusSeconds(1));

    assertEquals(T0.plusSeconds(4), eventsOf(second, StepRetryScheduled.class).get(0).dueAt());
  }

  @Test
  void ignoresAnOutcomeWhileTheStepWaitsForItsRetry() {
    var h = actorRun(RETRIED);
    h.start();
    h.outcome("call", null, 1, retryable("503"), T0);

    Decision late = h.outcome("call", null, 1, new StepOutcome.Succeeded(json("1")), T0);

    assertTrue(late.isEmpty());
    assertEquals(StepStatus.RETRYING, h.status("call"));
  }

  @Test
  void recordsAnItemsOutcomeAgainstItsForEach() {
    var h = actorRun("""
        {"id": "wf", "steps": [
          {"id": "each", "type": "FOR_EACH", "items": "${ [10, 20] }", "concurrency": 1,
           "step": {"type": "DATA_TRANSFORM", "expression": "${ .item }"}}]}""");
    Decision start = h.start();
    assertEquals(List.of("ExecutionStarted", "ForEachStarted(each)", "StepStarted(each[0])"),
        described(start));

    Decision first = h.outcome("each", 0, 1, new StepOutcome.Succeeded(json("10")), T0);
    assertEquals(List.of("StepSucceeded(each[0])", "StepStarted(each[1])"), described(first));
    h.outcome("each", 1, 1, new StepOutcome.Succeeded(json("20")), T0);

    assertEquals(json("[10, 20]"), h.output("each"));
    assertEquals(ExecutionStatus.COMPLETED, h.state().status());
  }

  @Test
  void cancelsARetryingStep() {
    var h = actorRun(RETRIED);
    h.start();
    h.outcome("call", null, 1, retryable("503"), T0);

    Decision cancel = h.cancel(T0.plusSeconds(1));

    assertEquals(List.of("StepCancelled(call)", "ExecutionCancelled"), described(cancel));
    assertEquals(StepStatus.CANCELLED, h.status("call"));
  }
}
