package io.ordo.engine.model.validation;

import io.ordo.engine.model.expr.ValueTemplate;
import io.ordo.engine.model.schema.CompiledSchema;
import io.ordo.engine.model.steps.StepSpec;
import io.ordo.engine.model.steps.ValidationSpec;

/** VALIDATION: {@code value} (template) and {@code schema} (JSON Schema 2020-12). */
final class ValidationSpecParser implements StepSpecParser {

  @Override
  public StepSpec parse(FieldReader fields, String stepId, StepParser steps) {
    ValueTemplate value = Templates.required(fields, "value", Expect.ANY);
    CompiledSchema schema = Schemas.schema(fields, "schema", true);
    return value == null || schema == null ? null : new ValidationSpec(value, schema);
  }
}
