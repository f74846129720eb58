package io.ordo.engine.runtime.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import java.time.Duration;

/** What one attempt produced. {@code retryAfter} is a lower bound the callee asked for. */
public sealed interface StepOutcome {

  record Succeeded(JsonNode output) implements StepOutcome {}

  record Failed(StepError error, Duration retryAfter) implements StepOutcome {
    public static Failed of(String errorClass, String message, boolean retryable) {
      return new Failed(StepError.of(errorClass, message, retryable), null);
    }
  }
}
