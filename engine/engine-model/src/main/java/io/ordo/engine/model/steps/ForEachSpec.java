package io.ordo.engine.model.steps;

import io.ordo.engine.model.StepDefinition;
import io.ordo.engine.model.expr.ValueTemplate;
import java.util.Objects;

/**
 * Runs {@code step} once per item of {@code items}, at most {@code concurrency} at a time. The
 * template step carries this step's id and sees {@code .item} and {@code .index}.
 */
public record ForEachSpec(ValueTemplate items, int concurrency, StepDefinition step)
    implements StepSpec {

  public static final int DEFAULT_CONCURRENCY = 10;

  public ForEachSpec {
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(step, "step");
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be >= 1: " + concurrency);
    }
  }
}
