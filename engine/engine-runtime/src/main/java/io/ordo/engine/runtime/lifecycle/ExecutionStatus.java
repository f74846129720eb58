package io.ordo.engine.runtime.lifecycle;

/** Where an execution is in its life; the allowed moves are in {@link Lifecycles#EXECUTION}. */
public enum ExecutionStatus {
  PENDING,
  RUNNING,
  PAUSED,
  COMPLETED,
  FAILED,
  CANCELLED,
  TIMED_OUT;

  /** Ended: no step runs and no timer fires until an explicit retry (FAILED, TIMED_OUT). */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED || this == TIMED_OUT;
  }
}
