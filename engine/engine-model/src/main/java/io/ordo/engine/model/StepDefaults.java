package io.ordo.engine.model;

import io.ordo.engine.model.retry.RetryPolicy;
import java.time.Duration;

/**
 * Workflow-wide fallbacks for steps that set no {@code timeout} / {@code retry} of their own.
 *
 * @param timeout per-attempt timeout, or null for none
 * @param retry retry policy, or null: a step without its own then uses {@link RetryPolicy#NONE}
 */
public record StepDefaults(Duration timeout, RetryPolicy retry) {

  public static final StepDefaults NONE = new StepDefaults(null, null);
}
