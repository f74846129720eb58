package io.ordo.http.dto;

import java.time.Instant;

/**
 * One step of an execution as the history has it, or one FOR_EACH item of it ({@code item} is
 * the item's index, null for the step itself). {@code durationMs} is the wall time from the
 * first attempt's start to the end; {@code error} the latest failed attempt's.
 */
public record HistoryStepView(String id, Integer item, String type, String status, int attempts,
    int retryCount, Instant startedAt, Instant completedAt, Long durationMs,
    HistoryErrorView error, String skipReason, Instant dueAt) {}
