package io.ordo.engine.runtime.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.retry.RetryPolicy;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import java.time.Duration;
import java.time.Instant;

/** What one attempt produced. */
public sealed interface StepOutcome {

  record Succeeded(JsonNode output) implements StepOutcome {}

  /**
   * A failed attempt. {@code retryAfter} is a lower bound the callee asked for (HTTP 429
   * {@code Retry-After}); {@code retry} is the policy of the agent called, used when the step
   * sets none of its own. Both may be null.
   */
  record Failed(StepError error, Duration retryAfter, RetryPolicy retry) implements StepOutcome {
    public Failed(StepError error, Duration retryAfter) {
      this(error, retryAfter, null);
    }

    public static Failed of(String errorClass, String message, boolean retryable) {
      return new Failed(StepError.of(errorClass, message, retryable), null, null);
    }
  }

  /**
   * The attempt was not made (an open circuit breaker refused it): the same attempt runs again at
   * {@code until}, without counting as a failure.
   */
  record Deferred(Instant until, String reason) implements StepOutcome {}
}
