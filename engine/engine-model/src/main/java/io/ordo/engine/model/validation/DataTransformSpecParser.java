package io.ordo.engine.model.validation;

import io.ordo.engine.model.expr.ValueTemplate;
import io.ordo.engine.model.steps.DataTransformSpec;
import io.ordo.engine.model.steps.StepSpec;

/** DATA_TRANSFORM: {@code expression}, a template of any JSON. */
final class DataTransformSpecParser implements StepSpecParser {

  @Override
  public StepSpec parse(FieldReader fields, String stepId, StepParser steps) {
    ValueTemplate expression = Templates.required(fields, "expression", Expect.ANY);
    return expression == null ? null : new DataTransformSpec(expression);
  }
}
