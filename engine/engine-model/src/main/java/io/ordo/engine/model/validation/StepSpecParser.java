package io.ordo.engine.model.validation;

import io.ordo.engine.model.steps.StepSpec;

/** Reads the fields specific to one step type. */
interface StepSpecParser {

  /**
   * Reads the type-specific fields from {@code fields}, reporting each problem.
   *
   * @param stepId the step's id (null when it is itself invalid), for templates of FOR_EACH
   * @param steps parses nested steps, for PARALLEL and FOR_EACH
   * @return the spec, or null when any of its fields is invalid
   */
  StepSpec parse(FieldReader fields, String stepId, StepParser steps);
}
