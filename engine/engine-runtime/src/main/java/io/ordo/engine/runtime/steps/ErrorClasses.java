package io.ordo.engine.runtime.steps;

/** The error classes the engine itself assigns; retry policies and analytics match on them. */
public final class ErrorClasses {

  public static final String EXPRESSION_FAILED = "EXPRESSION_FAILED";
  public static final String VALIDATION_FAILED = "VALIDATION_FAILED";
  public static final String OUTPUT_TOO_LARGE = "OUTPUT_TOO_LARGE";
  public static final String ITEMS_NOT_ARRAY = "ITEMS_NOT_ARRAY";
  public static final String TOO_MANY_ITEMS = "TOO_MANY_ITEMS";
  public static final String INVALID_WAIT = "INVALID_WAIT";
  public static final String BRANCH_FAILED = "BRANCH_FAILED";
  public static final String ITEM_FAILED = "ITEM_FAILED";
  public static final String STEP_CRASHED = "STEP_CRASHED";
  public static final String TIMEOUT = "TIMEOUT";
  /** The engine stopped the attempt itself (cancelled, timed out): says nothing of the callee. */
  public static final String ABORTED = "ABORTED";
  public static final String SIGNAL_TIMEOUT = "SIGNAL_TIMEOUT";
  public static final String SUB_WORKFLOW_FAILED = "SUB_WORKFLOW_FAILED";
  public static final String SUB_WORKFLOW_NOT_FOUND = "SUB_WORKFLOW_NOT_FOUND";
  public static final String UNSUPPORTED_STEP_TYPE = "UNSUPPORTED_STEP_TYPE";
  public static final String OUTPUT_EXPRESSION_FAILED = "OUTPUT_EXPRESSION_FAILED";
  public static final String ARTIFACT_FAILED = "ARTIFACT_FAILED";

  private ErrorClasses() {}
}
