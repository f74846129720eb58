package io.ordo.engine.runtime.steps;

import io.ordo.engine.model.StepType;
import io.ordo.engine.model.expr.ExpressionException;
import io.ordo.engine.model.steps.DataTransformSpec;

/** DATA_TRANSFORM: the value of the step's expression over the context is its output. */
final class DataTransformHandler implements StepHandler.Pure {

  @Override
  public StepType type() {
    return StepType.DATA_TRANSFORM;
  }

  @Override
  public StepOutcome evaluate(StepInvocation invocation) {
    var spec = (DataTransformSpec) invocation.step().spec();
    try {
      return new StepOutcome.Succeeded(spec.expression().evaluate(invocation.context()));
    } catch (ExpressionException e) {
      return StepOutcome.Failed.of(ErrorClasses.EXPRESSION_FAILED, e.getMessage(), false);
    }
  }
}
