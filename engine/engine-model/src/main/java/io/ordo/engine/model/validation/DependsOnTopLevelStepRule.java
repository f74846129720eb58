package io.ordo.engine.model.validation;

import io.ordo.engine.model.validation.DefinitionOutline.Reference;
import io.ordo.engine.model.validation.DefinitionOutline.StepOutline;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code dependsOn} names top-level steps only: a step inside a PARALLEL finishes as part of it,
 * so outside steps depend on the PARALLEL step.
 */
final class DependsOnTopLevelStepRule implements DefinitionRule {

  @Override
  public List<Violation> check(DefinitionOutline outline) {
    List<Violation> violations = new ArrayList<>();
    for (StepOutline step : outline.steps()) {
      for (Reference dependency : step.dependsOn()) {
        Optional<StepOutline> target = outline.find(dependency.value());
        if (target.isPresent() && outline.findTopLevel(dependency.value()).isEmpty()) {
          violations.add(new Violation(dependency.pointer(), NestedSteps.describe(target.get())
              + ": depend on the parallel step" + NestedSteps.parallelName(target.get())
              + " instead"));
        }
      }
    }
    return violations;
  }
}
