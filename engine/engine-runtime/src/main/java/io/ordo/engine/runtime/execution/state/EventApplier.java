package io.ordo.engine.runtime.execution.state;

import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ArtifactRecorded;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCancelled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCompleted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionFailed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionParked;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionPaused;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionResumed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionRetried;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionTimedOut;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ForEachStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.SignalDelivered;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.SignalReceived;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepCancelled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepFailed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepRetryScheduled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepSkipped;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepSucceeded;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepWaiting;
import io.ordo.engine.runtime.lifecycle.ExecutionStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Evolves state by one event. Deterministic: no clock, no I/O, no definition lookups, so replay
 * always rebuilds the same state. The decider uses it too, to look ahead within one command.
 */
public final class EventApplier {

  private EventApplier() {}

  public static ExecutionState apply(ExecutionState state, ExecutionEvent event) {
    if (event instanceof ExecutionStarted e) {
      return started(e);
    }
    if (!(state instanceof Execution ex)) {
      throw new IllegalStateException("event " + event.getClass().getSimpleName()
          + " before the execution started");
    }
    return applyToExecution(ex, event);
  }

  private static Execution applyToExecution(Execution ex, ExecutionEvent event) {
    if (event instanceof StepStarted e) {
      return updateStep(ex, e.stepId(), e.item(), s -> s.started(e.attempt(), e.at()));
    } else if (event instanceof StepSucceeded e) {
      return updateStep(ex, e.stepId(), e.item(),
          s -> s.succeeded(e.attempt(), e.output(), e.at()));
    } else if (event instanceof StepFailed e) {
      return updateStep(ex, e.stepId(), e.item(), s -> s.failed(e.attempt(), e.error(), e.at()));
    } else if (event instanceof StepRetryScheduled e) {
      return updateStep(ex, e.stepId(), e.item(), s -> s.retrying(e.nextAttempt(), e.dueAt()));
    } else if (event instanceof StepSkipped e) {
      return updateStep(ex, e.stepId(), e.item(), s -> s.skipped(e.reason(), e.at()));
    } else if (event instanceof StepCancelled e) {
      return updateStep(ex, e.stepId(), e.item(), s -> s.cancelled(e.at()));
    } else if (event instanceof StepWaiting e) {
      return updateStep(ex, e.stepId(), e.item(), s -> s.waiting(e.dueAt(), e.signal(), e.at()));
    } else if (event instanceof ForEachStarted e) {
      return updateStep(ex, e.stepId(), null, s -> s.forEachStarted(e.items(), e.at()));
    } else if (event instanceof ExecutionCompleted e) {
      return ex.ended(ExecutionStatus.COMPLETED, e.at(), e.output(), e.goalsReached(), null);
    } else if (event instanceof ExecutionFailed e) {
      return ex.ended(ExecutionStatus.FAILED, e.at(), null, List.of(),
          new Execution.Failure(e.stepId(), e.error(), null));
    } else if (event instanceof ExecutionCancelled e) {
      String reason = e.reason() == null || e.reason().isBlank() ? "cancelled" : e.reason();
      return ex.ended(ExecutionStatus.CANCELLED, e.at(), null, List.of(),
          new Execution.Failure(null, StepError.of("CANCELLED", reason, false), e.by()));
    } else if (event instanceof ExecutionTimedOut e) {
      return ex.ended(ExecutionStatus.TIMED_OUT, e.at(), null, List.of(),
          new Execution.Failure(null, StepError.of("TIMED_OUT",
              "the execution ran past its deadline " + ex.deadline(), false), null));
    } else if (event instanceof ExecutionPaused) {
      return ex.withStatus(ExecutionStatus.PAUSED);
    } else if (event instanceof ExecutionResumed) {
      return ex.withStatus(ExecutionStatus.RUNNING);
    } else if (event instanceof SignalReceived e) {
      // A signal a step took completes it through the StepSucceeded that follows; one that no
      // step waited for is kept until one does.
      return e.stepId() == null ? ex.withSignalKept(e.name(), e.payload()) : ex;
    } else if (event instanceof SignalDelivered e) {
      return ex.withSignalTaken(e.name());
    } else if (event instanceof ExecutionRetried e) {
      return Retries.resetFailedSteps(ex).retried(e.deadline());
    } else if (event instanceof ArtifactRecorded || event instanceof ExecutionParked) {
      // Facts for history, analytics and the wake-up index only.
      return ex;
    }
    throw new IllegalArgumentException("no handler for " + event.getClass().getName());
  }

  private static Execution started(ExecutionStarted e) {
    return new Execution(e.executionId(), e.workspaceId(), e.workflowId(), e.version(), e.input(),
        e.triggeredBy(), e.idempotencyKey(), e.parent(), e.at(), e.deadline(),
        ExecutionStatus.RUNNING, null, null, List.of(), null, 0, Map.of(), new LinkedHashMap<>());
  }

  private static Execution updateStep(Execution ex, String stepId, Integer item,
      UnaryOperator<StepState> change) {
    StepState current = ex.steps().get(stepId);
    if (item == null) {
      StepState base = current != null ? current : StepState.fresh(stepId, null);
      return ex.withStep(change.apply(base));
    }
    if (current == null) {
      throw new IllegalStateException("item event for " + stepId + " before its FOR_EACH started");
    }
    StepState itemState = current.itemStates().get(item);
    StepState base = itemState != null ? itemState : StepState.fresh(stepId, item);
    return ex.withStep(current.withItem(change.apply(base)));
  }
}
