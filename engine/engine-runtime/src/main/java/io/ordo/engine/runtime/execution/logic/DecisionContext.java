package io.ordo.engine.runtime.execution.logic;

import io.ordo.engine.model.StepDefinition;
import io.ordo.engine.model.WorkflowDefinition;
import io.ordo.engine.model.retry.RetryPolicy;
import io.ordo.engine.runtime.EngineSettings;
import io.ordo.engine.runtime.definitions.CompiledWorkflow;
import io.ordo.engine.runtime.steps.StepHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/** What every rule of one decision needs: the workflow, the handlers, settings and the time. */
record DecisionContext(CompiledWorkflow workflow, StepHandlers handlers, EngineSettings settings,
    Instant now, DoubleSupplier random) {

  WorkflowPlan plan() {
    return workflow.plan();
  }

  WorkflowDefinition definition() {
    return workflow.definition();
  }

  RetryPolicy retryOf(StepDefinition step) {
    return retryOf(step, null);
  }

  /**
   * The step's own policy, else the workflow's default, else the called agent's, else none: the
   * same order as for an attempt's timeout.
   */
  RetryPolicy retryOf(StepDefinition step, RetryPolicy agentRetry) {
    if (step.retry() != null) {
      return step.retry();
    }
    RetryPolicy fallback = definition().defaults().retry();
    if (fallback != null) {
      return fallback;
    }
    return agentRetry != null ? agentRetry : RetryPolicy.NONE;
  }

  /** The per-attempt timeout, or null when neither the step nor the defaults set one. */
  Duration timeoutOf(StepDefinition step) {
    return Steps.timeoutOf(definition(), step);
  }
}
