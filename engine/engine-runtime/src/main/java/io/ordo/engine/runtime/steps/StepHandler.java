package io.ordo.engine.runtime.steps;

import io.ordo.engine.model.StepType;

/**
 * Executes one kind of work step. Control-flow types (CONDITIONAL, PARALLEL, FOR_EACH, WAIT) are
 * the engine's own semantics; every other type is a handler registered in {@link StepHandlers},
 * so adding a type touches one new class and one registration.
 */
public sealed interface StepHandler permits StepHandler.Pure, StepHandler.Async {

  StepType type();

  /**
   * Deterministic, fast, side-effect free work over the context (jq, schema checks). May run
   * inside the execution's own command, so the step finishes in the same journal write that made
   * it ready; must never block.
   */
  non-sealed interface Pure extends StepHandler {
    StepOutcome evaluate(StepInvocation invocation);
  }

  /**
   * Work with side effects or latency (HTTP calls), run by a step actor, one per attempt. The
   * call starts at once and must not block; the step actor aborts it on timeout or when the
   * step is cancelled.
   */
  non-sealed interface Async extends StepHandler {
    StepCall start(StepInvocation invocation);
  }
}
