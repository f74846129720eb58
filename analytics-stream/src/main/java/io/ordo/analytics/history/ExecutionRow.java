package io.ordo.analytics.history;

import java.time.Duration;
import java.time.Instant;

/**
 * One row of {@code executions} while a group of events is folded into it: loaded (or created by
 * the start), changed in memory, written back once per group. Mutable on purpose: it lives only
 * inside one {@link HistoryHandler#process} call.
 */
final class ExecutionRow {
  final String executionId;
  String workspaceId;
  String workflowId;
  int version;
  String status;
  String triggeredBy;
  String idempotencyKey;
  String parentExecutionId;
  Instant startedAt;
  Instant endedAt;
  Long durationMs;
  String errorClass;
  String errorMessage;
  String errorStepId;
  String inputSummary;
  String outputSummary;
  int retries;
  int stepCount;
  Instant updatedAt;
  long lastSeq;

  ExecutionRow(String executionId) {
    this.executionId = executionId;
  }

  void end(String newStatus, Instant at) {
    status = newStatus;
    endedAt = at;
    durationMs = Math.max(0, Duration.between(startedAt, at).toMillis());
  }

  void error(String errorClass, String message, String stepId) {
    this.errorClass = errorClass;
    this.errorMessage = message;
    this.errorStepId = stepId;
  }
}
