package io.ordo.engine.model;

/** What a step that failed after its retries does to the execution. */
public enum OnError {
  /** The execution fails. */
  FAIL,
  /** The step ends FAILED, its error is in the context and its dependents still run. */
  CONTINUE
}
