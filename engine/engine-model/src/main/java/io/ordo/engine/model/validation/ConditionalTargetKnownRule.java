package io.ordo.engine.model.validation;

import io.ordo.engine.model.validation.DefinitionOutline.Reference;
import io.ordo.engine.model.validation.DefinitionOutline.StepOutline;
import java.util.ArrayList;
import java.util.List;

/** Every {@code next} / {@code otherwise} entry of a CONDITIONAL names a step of the definition. */
final class ConditionalTargetKnownRule implements DefinitionRule {

  @Override
  public List<Violation> check(DefinitionOutline outline) {
    List<Violation> violations = new ArrayList<>();
    for (StepOutline step : outline.steps()) {
      for (Reference target : step.targets()) {
        if (outline.find(target.value()).isEmpty()) {
          violations.add(new Violation(target.pointer(), "unknown step '" + target.value() + "'"));
        }
      }
    }
    return violations;
  }
}
