package io.ordo.engine.model.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.JsonPointers;
import io.ordo.engine.model.expr.ValueTemplate;
import io.ordo.engine.model.steps.ConditionalSpec;
import io.ordo.engine.model.steps.StepSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * CONDITIONAL: a non-empty {@code branches} array of {@code {when, next}} and an optional
 * {@code otherwise}. Whether the targets exist is a graph rule, checked after parsing.
 */
final class ConditionalSpecParser implements StepSpecParser {

  @Override
  public StepSpec parse(FieldReader fields, String stepId, StepParser steps) {
    Violations violations = fields.violations();
    int mark = violations.mark();
    List<ConditionalSpec.Branch> branches = new ArrayList<>();
    JsonNode node = fields.required("branches");
    if (node != null && (!node.isArray() || node.isEmpty())) {
      fields.report("branches", "must be a non-empty array of { \"when\", \"next\" }");
    } else if (node != null) {
      for (int i = 0; i < node.size(); i++) {
        ConditionalSpec.Branch branch =
            branch(node.get(i), JsonPointers.child(fields.pointer("branches"), i), violations);
        if (branch != null) {
          branches.add(branch);
        }
      }
    }
    List<String> otherwise = fields.strings("otherwise");
    return violations.noneSince(mark) ? new ConditionalSpec(branches, otherwise) : null;
  }

  private static ConditionalSpec.Branch branch(JsonNode node, String pointer,
      Violations violations) {
    FieldReader fields = FieldReader.of(node, pointer, violations);
    if (fields == null) {
      return null;
    }
    ValueTemplate when = Templates.required(fields, "when", Expect.BOOLEAN);
    List<String> next = null;
    if (fields.has("next")) {
      next = fields.strings("next");
    } else {
      fields.report("next", "missing required field 'next'");
    }
    fields.rejectUnknownFields();
    return when == null || next == null ? null : new ConditionalSpec.Branch(when, next);
  }
}
