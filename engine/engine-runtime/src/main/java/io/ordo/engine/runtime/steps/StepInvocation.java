package io.ordo.engine.runtime.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.StepDefinition;
import java.time.Duration;

/**
 * One attempt of one step (or FOR_EACH item), with the expression context as it stood when the
 * attempt was decided. {@code idempotencyKey} is stable across the step's attempts.
 */
public record StepInvocation(
    String executionId,
    String stepId,
    Integer item,
    int attempt,
    StepDefinition step,
    JsonNode context,
    String idempotencyKey,
    Duration timeout) {

  public static String idempotencyKey(String executionId, String stepId, Integer item) {
    return item == null ? executionId + ":" + stepId : executionId + ":" + stepId + "[" + item + "]";
  }
}
