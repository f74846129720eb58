package io.ordo.engine.runtime.execution.logic;

import io.ordo.engine.model.StepDefinition;
import io.ordo.engine.model.StepType;
import io.ordo.engine.model.WorkflowDefinition;
import io.ordo.engine.model.steps.ForEachSpec;
import io.ordo.engine.runtime.execution.state.Execution;
import io.ordo.engine.runtime.execution.state.StepState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Lookups over an execution's step states, FOR_EACH items included. */
public final class Steps {

  private Steps() {}

  /** The state of a step, or of one item of a FOR_EACH when {@code item} is set; null if none. */
  public static StepState find(Execution ex, String stepId, Integer item) {
    StepState step = ex.steps().get(stepId);
    if (step == null || item == null) {
      return step;
    }
    return step.itemStates().get(item);
  }

  /** Every step and item state, items right after their FOR_EACH. */
  public static List<StepState> all(Execution ex) {
    var all = new ArrayList<StepState>();
    for (StepState step : ex.steps().values()) {
      all.add(step);
      all.addAll(step.itemStates().values());
    }
    return all;
  }

  /** The definition a step state runs: the step itself, or its FOR_EACH's item template. */
  public static StepDefinition definitionOf(WorkflowPlan plan, String stepId, Integer item) {
    StepDefinition step = plan.node(stepId).step();
    return item == null ? step : ((ForEachSpec) step.spec()).step();
  }

  /**
   * The per-attempt timeout, or null when there is none. Waits and sub-workflows only take their
   * own: a workflow-wide default meant for calls would cut an approval or a child run short.
   */
  public static Duration timeoutOf(WorkflowDefinition definition, StepDefinition step) {
    if (step.timeout() != null || step.type() == StepType.WAIT
        || step.type() == StepType.SUB_WORKFLOW) {
      return step.timeout();
    }
    return definition.defaults().timeout();
  }
}
