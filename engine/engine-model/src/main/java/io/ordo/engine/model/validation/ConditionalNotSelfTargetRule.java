package io.ordo.engine.model.validation;

import io.ordo.engine.model.validation.DefinitionOutline.Reference;
import io.ordo.engine.model.validation.DefinitionOutline.StepOutline;
import java.util.ArrayList;
import java.util.List;

/**
 * A CONDITIONAL does not name itself as a target (it would have to run after itself). The cycle
 * rule leaves this edge out, so the mistake is reported once, with this clearer message.
 */
final class ConditionalNotSelfTargetRule implements DefinitionRule {

  @Override
  public List<Violation> check(DefinitionOutline outline) {
    List<Violation> violations = new ArrayList<>();
    for (StepOutline step : outline.steps()) {
      for (Reference target : step.targets()) {
        if (target.value().equals(step.id())) {
          violations.add(new Violation(target.pointer(),
              "a CONDITIONAL cannot name itself ('" + step.id() + "') as a target"));
        }
      }
    }
    return violations;
  }
}
