package io.ordo.engine.runtime.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.retry.RetryPolicy;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import java.time.Duration;
import java.time.Instant;

/**
 * What one attempt produced. {@code input}, where set, summarises what the attempt sent (an HTTP
 * step's method and URL, a sub-workflow's child): it goes into the timeline, never the context.
 */
public sealed interface StepOutcome {

  /** The same outcome, with a summary of what the attempt sent. */
  StepOutcome withInput(JsonNode input);

  record Succeeded(JsonNode output, JsonNode input) implements StepOutcome {
    public Succeeded(JsonNode output) {
      this(output, null);
    }

    @Override
    public StepOutcome withInput(JsonNode summary) {
      return new Succeeded(output, summary);
    }
  }

  /**
   * A failed attempt. {@code retryAfter} is a lower bound the callee asked for (HTTP 429
   * {@code Retry-After}); {@code retry} is the policy of the agent called, used when the step
   * sets none of its own. Both may be null.
   */
  record Failed(StepError error, Duration retryAfter, RetryPolicy retry, JsonNode input)
      implements StepOutcome {
    public Failed(StepError error, Duration retryAfter, RetryPolicy retry) {
      this(error, retryAfter, retry, null);
    }

    public Failed(StepError error, Duration retryAfter) {
      this(error, retryAfter, null, null);
    }

    @Override
    public StepOutcome withInput(JsonNode summary) {
      return new Failed(error, retryAfter, retry, summary);
    }

    public static Failed of(String errorClass, String message, boolean retryable) {
      return new Failed(StepError.of(errorClass, message, retryable), null, null, null);
    }
  }

  /**
   * The attempt was not made (an open circuit breaker refused it): the same attempt runs again at
   * {@code until}, without counting as a failure.
   */
  record Deferred(Instant until, String reason) implements StepOutcome {
    @Override
    public StepOutcome withInput(JsonNode summary) {
      return this;
    }
  }
}
