package io.ordo.engine.model.validation;

import io.ordo.engine.model.validation.DefinitionOutline.Reference;
import io.ordo.engine.model.validation.DefinitionOutline.StepOutline;
import java.util.ArrayList;
import java.util.List;

/** Every {@code dependsOn} entry names a step of the definition. */
final class DependsOnKnownStepRule implements DefinitionRule {

  @Override
  public List<Violation> check(DefinitionOutline outline) {
    List<Violation> violations = new ArrayList<>();
    for (StepOutline step : outline.steps()) {
      for (Reference dependency : step.dependsOn()) {
        if (outline.find(dependency.value()).isEmpty()) {
          violations.add(new Violation(dependency.pointer(),
              "unknown step '" + dependency.value() + "'"));
        }
      }
    }
    return violations;
  }
}
