package io.ordo.analytics.history;

import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import java.time.Duration;
import java.time.Instant;

/**
 * One row of {@code execution_steps} (a step, or one FOR_EACH item of it) while a group of
 * events is folded into it. Mutable for the same reason as {@link ExecutionRow}.
 */
final class StepRow {

  /** The primary key; {@code item} is -1 for the step itself. */
  record Key(String executionId, String stepId, int item) {}

  static final int NO_ITEM = -1;

  final Key key;
  final long firstSeq;
  String type;
  String status = "PENDING";
  int attempts;
  int retryCount;
  Instant startedAt;
  Instant endedAt;
  Long durationMs;
  String errorClass;
  String errorMessage;
  Boolean errorRetryable;
  Integer errorAttempt;
  Instant errorAt;
  String inputSummary;
  String outputSummary;
  String skipReason;
  Instant dueAt;

  StepRow(Key key, long firstSeq) {
    this.key = key;
    this.firstSeq = firstSeq;
  }

  static int item(Integer item) {
    return item == null ? NO_ITEM : item;
  }

  void startOnce(Instant at) {
    if (startedAt == null) {
      startedAt = at;
    }
  }

  /** Ends the row at {@code at}: its duration is the wall time since it started. */
  void end(String newStatus, Instant at) {
    status = newStatus;
    endedAt = at;
    dueAt = null;
    durationMs = startedAt == null ? null
        : Math.max(0, Duration.between(startedAt, at).toMillis());
  }

  /** Not ended (again): running, retrying, or pending after an execution retry. */
  void reopen(String newStatus) {
    status = newStatus;
    endedAt = null;
    durationMs = null;
    dueAt = null;
  }

  /** The latest failed attempt's error; it stays when a later attempt succeeds. */
  void failedAttempt(StepError error, int attempt, Instant at) {
    errorClass = error == null ? null : error.errorClass();
    errorMessage = error == null ? null
        : Summaries.cut(error.message(), Summaries.MAX_ERROR_CHARS);
    errorRetryable = error == null ? null : error.retryable();
    errorAttempt = attempt;
    errorAt = at;
  }
}
