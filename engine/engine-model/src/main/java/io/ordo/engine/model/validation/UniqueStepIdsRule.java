package io.ordo.engine.model.validation;

import io.ordo.engine.model.validation.DefinitionOutline.StepOutline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Step ids are unique across the whole definition, nested steps included. */
final class UniqueStepIdsRule implements DefinitionRule {

  @Override
  public List<Violation> check(DefinitionOutline outline) {
    List<Violation> violations = new ArrayList<>();
    Map<String, StepOutline> first = new HashMap<>();
    for (StepOutline step : outline.allSteps()) {
      if (step.id() == null) {
        continue;
      }
      StepOutline earlier = first.putIfAbsent(step.id(), step);
      if (earlier != null) {
        violations.add(new Violation(step.pointer() + "/id",
            "duplicate step id '" + step.id() + "' (already used at " + earlier.pointer() + ")"));
      }
    }
    return violations;
  }
}
