package io.ordo.engine.runtime.execution.logic;

import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepEvent;
import io.ordo.engine.runtime.execution.state.Execution;
import io.ordo.engine.runtime.execution.state.ExecutionState;
import io.ordo.engine.runtime.execution.state.StepState;
import io.ordo.engine.runtime.lifecycle.Lifecycles;
import io.ordo.engine.runtime.lifecycle.StepStatus;

/** Holds every decided event to the lifecycle tables. */
final class Transitions {

  private Transitions() {}

  static void check(ExecutionState before, ExecutionState after, ExecutionEvent event) {
    if (!(before instanceof Execution from) || !(after instanceof Execution to)) {
      return;
    }
    if (from.status() != to.status() && !Lifecycles.canMove(from.status(), to.status())) {
      throw new IllegalStateException("execution cannot move from " + from.status() + " to "
          + to.status() + " (" + event.getClass().getSimpleName() + ")");
    }
    if (event instanceof StepEvent e) {
      StepStatus was = statusOf(Steps.find(from, e.stepId(), e.item()));
      StepStatus is = statusOf(Steps.find(to, e.stepId(), e.item()));
      if (was != is && !Lifecycles.canMove(was, is)) {
        throw new IllegalStateException("step " + e.stepId() + (e.item() == null ? "" : "[" + e.item() + "]")
            + " cannot move from " + was + " to " + is + " (" + event.getClass().getSimpleName() + ")");
      }
    }
  }

  private static StepStatus statusOf(StepState state) {
    return state == null ? StepStatus.PENDING : state.status();
  }

}
