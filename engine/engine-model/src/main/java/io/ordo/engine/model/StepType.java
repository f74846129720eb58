package io.ordo.engine.model;

/** The kinds of step a definition can contain. */
public enum StepType {
  HTTP_REQUEST,
  WEBHOOK_CALL,
  DATA_TRANSFORM,
  CONDITIONAL,
  PARALLEL,
  FOR_EACH,
  WAIT,
  VALIDATION,
  SUB_WORKFLOW;

  /** Control steps shape the flow of other steps instead of doing work themselves. */
  public boolean isControl() {
    return this == CONDITIONAL || this == PARALLEL || this == FOR_EACH;
  }
}
