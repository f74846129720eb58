package io.ordo.engine.model.steps;

import io.ordo.engine.model.expr.ValueTemplate;
import java.util.Objects;

/** Computes the step's output from the context. */
public record DataTransformSpec(ValueTemplate expression) implements StepSpec {

  public DataTransformSpec {
    Objects.requireNonNull(expression, "expression");
  }
}
