package io.ordo.engine.runtime.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.ordo.engine.model.StepType;
import io.ordo.engine.model.expr.ExpressionException;
import io.ordo.engine.model.steps.ValidationSpec;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import java.util.List;

/** VALIDATION: the value passes its JSON Schema (and becomes the output) or the step fails. */
final class ValidationHandler implements StepHandler.Pure {

  @Override
  public StepType type() {
    return StepType.VALIDATION;
  }

  @Override
  public StepOutcome evaluate(StepInvocation invocation) {
    var spec = (ValidationSpec) invocation.step().spec();
    JsonNode value;
    try {
      value = spec.value().evaluate(invocation.context());
    } catch (ExpressionException e) {
      return StepOutcome.Failed.of(ErrorClasses.EXPRESSION_FAILED, e.getMessage(), false);
    }
    List<String> problems = spec.schema().validate(value);
    if (problems.isEmpty()) {
      return new StepOutcome.Succeeded(value);
    }
    ArrayNode details = JsonNodeFactory.instance.arrayNode();
    problems.forEach(details::add);
    String message = problems.size() + " schema violation(s): " + String.join("; ", problems);
    return new StepOutcome.Failed(
        new StepError(ErrorClasses.VALIDATION_FAILED, message, false, details), null);
  }
}
