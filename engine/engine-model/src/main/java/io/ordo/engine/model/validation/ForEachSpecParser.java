package io.ordo.engine.model.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.StepDefinition;
import io.ordo.engine.model.expr.ValueTemplate;
import io.ordo.engine.model.steps.ForEachSpec;
import io.ordo.engine.model.steps.StepSpec;

/**
 * FOR_EACH: {@code items} (must yield an array), optional {@code concurrency} (at least 1,
 * default 10) and the {@code step} template, parsed with {@link Placement#FOR_EACH_TEMPLATE}.
 */
final class ForEachSpecParser implements StepSpecParser {

  @Override
  public StepSpec parse(FieldReader fields, String stepId, StepParser steps) {
    int mark = fields.violations().mark();
    ValueTemplate items = Templates.required(fields, "items", Expect.ARRAY);
    Integer concurrency = fields.integer("concurrency", 1);
    JsonNode template = fields.required("step");
    StepDefinition step = template == null ? null
        : steps.parse(template, fields.pointer("step"), Placement.FOR_EACH_TEMPLATE, stepId);
    if (!fields.violations().noneSince(mark) || step == null) {
      return null;
    }
    return new ForEachSpec(items,
        concurrency != null ? concurrency : ForEachSpec.DEFAULT_CONCURRENCY, step);
  }
}
