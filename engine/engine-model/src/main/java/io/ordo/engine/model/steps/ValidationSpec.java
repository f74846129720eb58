package io.ordo.engine.model.steps;

import io.ordo.engine.model.expr.ValueTemplate;
import io.ordo.engine.model.schema.CompiledSchema;
import java.util.Objects;

/** Checks the value of a template against a JSON Schema; the value is the output on success. */
public record ValidationSpec(ValueTemplate value, CompiledSchema schema) implements StepSpec {

  public ValidationSpec {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(schema, "schema");
  }
}
