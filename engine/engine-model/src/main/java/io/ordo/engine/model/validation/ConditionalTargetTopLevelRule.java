package io.ordo.engine.model.validation;

import io.ordo.engine.model.validation.DefinitionOutline.Reference;
import io.ordo.engine.model.validation.DefinitionOutline.StepOutline;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** CONDITIONAL targets are top-level steps: a step inside a PARALLEL runs as part of it. */
final class ConditionalTargetTopLevelRule implements DefinitionRule {

  @Override
  public List<Violation> check(DefinitionOutline outline) {
    List<Violation> violations = new ArrayList<>();
    for (StepOutline step : outline.steps()) {
      for (Reference target : step.targets()) {
        Optional<StepOutline> found = outline.find(target.value());
        if (found.isPresent() && outline.findTopLevel(target.value()).isEmpty()) {
          violations.add(new Violation(target.pointer(), NestedSteps.describe(found.get())
              + ": CONDITIONAL targets must be top-level steps"));
        }
      }
    }
    return violations;
  }
}
