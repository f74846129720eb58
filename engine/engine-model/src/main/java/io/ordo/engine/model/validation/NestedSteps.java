package io.ordo.engine.model.validation;

import io.ordo.engine.model.validation.DefinitionOutline.StepOutline;

/** Wording shared by the rules that reject references to steps inside a PARALLEL. */
final class NestedSteps {

  private NestedSteps() {
  }

  /** "step 'x' is inside PARALLEL 'p'". */
  static String describe(StepOutline nested) {
    return "step '" + nested.id() + "' is inside PARALLEL" + parallelName(nested);
  }

  /** " 'p'", or "" when the enclosing PARALLEL has no readable id. */
  static String parallelName(StepOutline nested) {
    return nested.enclosingParallel() == null ? "" : " '" + nested.enclosingParallel() + "'";
  }
}
