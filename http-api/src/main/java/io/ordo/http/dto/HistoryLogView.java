package io.ordo.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /executions/{id}/logs}: a page of log lines in journal order. {@code nextAfterSeq}
 * is the {@code afterSeq} of the next page, null when this page reached the end of the journal.
 */
public record HistoryLogView(String executionId, List<Line> items, Long nextAfterSeq) {

  /** One line; {@code stepId} and {@code item} only when the event is about a step. */
  public record Line(long seq, Instant at, String level,
      @JsonInclude(JsonInclude.Include.NON_NULL) String stepId,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer item, String message) {}
}
