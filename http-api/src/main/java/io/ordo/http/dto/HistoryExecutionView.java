package io.ordo.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One execution in {@code GET /executions}, from the history tables. {@code error} is
 * {@code {class, message, stepId?}} and only there when the execution ended without completing.
 */
public record HistoryExecutionView(String id, String workflowId, int version, String status,
    String triggeredBy, Instant startedAt, Instant completedAt, Long durationMs,
    @JsonInclude(JsonInclude.Include.NON_NULL) ErrorView error) {}
