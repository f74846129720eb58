package io.ordo.engine.model.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.JsonPointers;
import io.ordo.engine.model.ParallelMode;
import io.ordo.engine.model.StepDefinition;
import io.ordo.engine.model.steps.ParallelSpec;
import io.ordo.engine.model.steps.StepSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PARALLEL: {@code branches}, an object of branch name to a non-empty array of steps, and an
 * optional {@code mode}. The branch steps are parsed with {@link Placement#PARALLEL_BRANCH}.
 */
final class ParallelSpecParser implements StepSpecParser {

  @Override
  public StepSpec parse(FieldReader fields, String stepId, StepParser steps) {
    Violations violations = fields.violations();
    int mark = violations.mark();
    Map<String, List<StepDefinition>> branches = new LinkedHashMap<>();
    JsonNode node = fields.required("branches");
    if (node != null && (!node.isObject() || node.isEmpty())) {
      fields.report("branches",
          "must be an object of branch name to steps, with at least one branch");
    } else if (node != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> branch = it.next();
        String pointer = JsonPointers.child(fields.pointer("branches"), branch.getKey());
        branches.put(branch.getKey(), branch(branch.getValue(), pointer, steps, violations));
      }
    }
    ParallelMode mode = fields.enumValue("mode", ParallelMode.class, ParallelMode.ALL);
    return violations.noneSince(mark) ? new ParallelSpec(branches, mode) : null;
  }

  private static List<StepDefinition> branch(JsonNode node, String pointer, StepParser steps,
      Violations violations) {
    if (!node.isArray() || node.isEmpty()) {
      violations.add(pointer, "a branch must be a non-empty array of steps");
      return List.of();
    }
    List<StepDefinition> sequence = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String stepPointer = JsonPointers.child(pointer, i);
      sequence.add(steps.parse(node.get(i), stepPointer, Placement.PARALLEL_BRANCH, null));
    }
    return sequence;
  }
}
