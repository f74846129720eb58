package io.ordo.engine.model.validation;

import io.ordo.engine.model.StepType;
import java.util.List;
import java.util.Optional;

/**
 * What the graph rules need of a definition, read leniently from the raw document so the rules
 * still run when fields are broken: an unknown type still has its id checked for duplicates.
 *
 * @param steps top-level steps in definition order
 * @param allSteps every step with an id field, depth-first (PARALLEL branch steps follow their
 *     PARALLEL)
 * @param goals goal names
 */
record DefinitionOutline(List<StepOutline> steps, List<StepOutline> allSteps,
    List<Reference> goals) {

  /** The first step anywhere with this id. */
  Optional<StepOutline> find(String id) {
    return allSteps.stream().filter(step -> id.equals(step.id())).findFirst();
  }

  /** The first top-level step with this id. */
  Optional<StepOutline> findTopLevel(String id) {
    return steps.stream().filter(step -> id.equals(step.id())).findFirst();
  }

  /**
   * A step as far as it could be read.
   *
   * @param id null when missing or not a string
   * @param type null when missing or unknown
   * @param pointer pointer to the step object
   * @param enclosingParallel for a step inside a PARALLEL, the id of the top-level PARALLEL
   *     that contains it (null if that id is unreadable); null for a top-level step
   * @param dependsOn string entries of {@code dependsOn} (top-level steps only)
   * @param targets string entries of {@code next} and {@code otherwise} (top-level CONDITIONAL)
   */
  record StepOutline(String id, StepType type, String pointer, boolean topLevel,
      String enclosingParallel, List<Reference> dependsOn, List<Reference> targets) {
  }

  /** A string in the document and where it is. */
  record Reference(String value, String pointer) {
  }
}
