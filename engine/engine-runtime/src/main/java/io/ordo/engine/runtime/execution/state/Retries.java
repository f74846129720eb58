package io.ordo.engine.runtime.execution.state;

import io.ordo.engine.runtime.execution.events.ExecutionEvent.SkipReason;
import io.ordo.engine.runtime.lifecycle.StepStatus;
import java.util.LinkedHashMap;

/**
 * How an execution retry resets its steps: failed and cancelled steps are pending again, and so
 * are the steps a failed PARALLEL skipped; a FOR_EACH keeps its finished items and runs the rest.
 * Completed steps keep their outputs.
 */
final class Retries {

  private Retries() {}

  static Execution resetFailedSteps(Execution ex) {
    var steps = new LinkedHashMap<String, StepState>();
    for (StepState step : ex.steps().values()) {
      if (!needsRerun(step)) {
        steps.put(step.stepId(), step);
      } else if (step.items() != null) {
        steps.put(step.stepId(), resumedForEach(step));
      }
    }
    return ex.withSteps(steps);
  }

  private static boolean needsRerun(StepState step) {
    return step.status() == StepStatus.FAILED || step.status() == StepStatus.CANCELLED
        || (step.status() == StepStatus.SKIPPED && step.skipReason() == SkipReason.PARENT_FAILED);
  }

  private static StepState resumedForEach(StepState forEach) {
    var kept = ItemStates.EMPTY;
    for (StepState item : forEach.itemStates().values()) {
      if (item.status() != StepStatus.FAILED && item.status() != StepStatus.CANCELLED) {
        kept = kept.with(item);
      }
    }
    return new StepState(forEach.stepId(), null, StepStatus.RUNNING, forEach.attempts(),
        forEach.startedAt(), forEach.attemptStartedAt(), null, null, null, null, null, null,
        forEach.items(), kept);
  }
}
