package io.ordo.engine.model.validation;

import io.ordo.engine.model.validation.DefinitionOutline.Reference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Goal names are unique: analytics counts conversions by name. */
final class UniqueGoalNamesRule implements DefinitionRule {

  @Override
  public List<Violation> check(DefinitionOutline outline) {
    List<Violation> violations = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Reference goal : outline.goals()) {
      if (!seen.add(goal.value())) {
        violations.add(new Violation(goal.pointer(), "duplicate goal name '" + goal.value() + "'"));
      }
    }
    return violations;
  }
}
