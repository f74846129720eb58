package io.ordo.engine.runtime.breakers;

import io.ordo.engine.runtime.steps.StepOutcome;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Circuit breakers around outbound calls, one per breaker id ({@code agent:<workspace>/<id>} or
 * {@code host:<host>:<port>}), with one state across the cluster. A refused call answers
 * {@link StepOutcome.Deferred} with the time the breaker may let a call through again, so the
 * step waits without spending an attempt.
 */
public interface BreakerGuard {

  /**
   * Runs {@code call} unless the breaker refuses it, and records its outcome: a retryable failure
   * counts against the breaker; a success or a non-retryable failure (the remote side answered)
   * counts for it.
   */
  CompletionStage<StepOutcome> call(String breakerId, Supplier<CompletionStage<StepOutcome>> call);

  /** Lets every call through; for tests of other things and nodes without breakers. */
  BreakerGuard NONE = (id, call) -> call.get();
}
