package io.ordo.engine.runtime.lifecycle;

/** Where one step (or one for-each item) is; the allowed moves are in {@link Lifecycles#STEP}. */
public enum StepStatus {
  PENDING,
  RUNNING,
  RETRYING,
  COMPLETED,
  FAILED,
  SKIPPED,
  CANCELLED;

  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == SKIPPED || this == CANCELLED;
  }

  /** Holds a claim on the execution: a running step or one waiting for its next attempt. */
  public boolean isActive() {
    return this == RUNNING || this == RETRYING;
  }
}
