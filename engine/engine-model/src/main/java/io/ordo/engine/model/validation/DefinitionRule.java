package io.ordo.engine.model.validation;

import java.util.List;

/**
 * One rule over the definition as a whole (references, uniqueness, cycles), run after the
 * structural parse on the lenient {@link DefinitionOutline}. A rule is stateless, checks one
 * thing, and reports every breach with the pointer of the most specific field.
 */
interface DefinitionRule {

  List<Violation> check(DefinitionOutline outline);
}
