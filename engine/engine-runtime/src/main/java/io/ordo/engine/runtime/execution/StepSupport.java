package io.ordo.engine.runtime.execution;

import io.ordo.engine.model.StepDefinition;
import io.ordo.engine.model.StepType;
import io.ordo.engine.model.WorkflowDefinition;
import io.ordo.engine.model.steps.ForEachSpec;
import io.ordo.engine.runtime.steps.StepHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which steps of a valid definition this node cannot run yet, so a start is refused up front
 * instead of failing halfway.
 */
public final class StepSupport {

  private static final Set<StepType> ENGINE_TYPES =
      Set.of(StepType.CONDITIONAL, StepType.PARALLEL, StepType.FOR_EACH, StepType.WAIT);

  private StepSupport() {}

  /** The types the engine runs itself rather than through a step handler. */
  public static boolean isEngineType(StepType type) {
    return ENGINE_TYPES.contains(type);
  }

  /** One message per unsupported step, naming it; empty when everything can run. */
  public static List<String> unsupported(WorkflowDefinition definition, StepHandlers handlers) {
    var problems = new ArrayList<String>();
    for (StepDefinition step : definition.allSteps()) {
      check(step, step.id(), handlers, problems);
      if (step.spec() instanceof ForEachSpec forEach) {
        check(forEach.step(), step.id() + " (item step)", handlers, problems);
      }
    }
    return problems;
  }

  private static void check(StepDefinition step, String name, StepHandlers handlers,
      List<String> problems) {
    if (!isEngineType(step.type()) && !handlers.has(step.type())) {
      problems.add("step '" + name + "': " + step.type() + " steps are not yet supported");
    }
  }
}
