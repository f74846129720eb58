package io.ordo.engine.runtime.execution.logic;

import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepCancelled;
import io.ordo.engine.runtime.execution.logic.WorkflowPlan.Node;
import io.ordo.engine.runtime.execution.state.StepState;
import java.util.List;

/**
 * Stops active work: running steps and items, and steps waiting for a retry or a timer. Their
 * step actors are stopped once the cancellation is persisted.
 */
final class Cancellation {

  private final DecisionContext dc;

  Cancellation(DecisionContext dc) {
    this.dc = dc;
  }

  /** Every active step and item of the execution. */
  void cancelAll(Decision d, String reason) {
    for (StepState step : List.copyOf(d.state().steps().values())) {
      if (step.status().isActive()) {
        cancelStep(d, step.stepId(), reason);
      }
    }
  }

  /** One step; a FOR_EACH's active items go first. */
  void cancelStep(Decision d, String stepId, String reason) {
    cancelItems(d, stepId, reason);
    d.emit(new StepCancelled(stepId, null, reason, dc.now()));
  }

  void cancelItems(Decision d, String forEachId, String reason) {
    StepState forEach = d.state().steps().get(forEachId);
    for (StepState item : List.copyOf(forEach.itemStates().values())) {
      if (item.status().isActive()) {
        d.emit(new StepCancelled(forEachId, item.item(), reason, dc.now()));
      }
    }
  }

  /** Every active step nested inside a PARALLEL, at any depth. */
  void cancelInside(Decision d, String parallelId, String reason) {
    for (Node inner : dc.plan().descendantsOf(parallelId)) {
      StepState state = d.state().steps().get(inner.id());
      if (state != null && state.status().isActive()) {
        cancelStep(d, inner.id(), reason);
      }
    }
  }
}
