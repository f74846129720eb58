package io.ordo.http.dto;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /executions/{id}/timeline}: the execution's own span and outcome, then each step
 * (and FOR_EACH item) with its span, attempts and summaries. Summaries are compact JSON text,
 * cut at {@code ordo.analytics.history.summary-max-chars} with a trailing ellipsis. Every field
 * is described in docs/telemetry.md.
 */
public record HistoryTimelineView(String executionId, String workflowId, int version,
    String status, String triggeredBy, Instant startedAt, Instant completedAt, Long durationMs,
    ErrorView error, String inputSummary, String outputSummary, int retries, List<Step> steps) {

  /** One step or item of the timeline. */
  public record Step(String id, Integer item, String type, String status, Instant startedAt,
      Instant completedAt, Long durationMs, int attempts, int retryCount, String inputSummary,
      String outputSummary, HistoryErrorView error, String skipReason, Instant dueAt) {}
}
