package io.ordo.engine.model.validation;

import io.ordo.engine.model.expr.ValueTemplate;
import io.ordo.engine.model.steps.StepSpec;
import io.ordo.engine.model.steps.SubWorkflowSpec;

/** SUB_WORKFLOW: {@code workflow} id, optional {@code version} (1 or more) and {@code input}. */
final class SubWorkflowSpecParser implements StepSpecParser {

  @Override
  public StepSpec parse(FieldReader fields, String stepId, StepParser steps) {
    int mark = fields.violations().mark();
    String workflow = fields.identifier("workflow", true);
    Integer version = fields.integer("version", 1);
    ValueTemplate input = Templates.optional(fields, "input", Expect.ANY);
    return fields.violations().noneSince(mark)
        ? new SubWorkflowSpec(workflow, version, input) : null;
  }
}
