package io.ordo.http.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One step of an execution. {@code parent} names the PARALLEL a step belongs to; {@code dueAt}
 * is the timer a waiting or retrying step waits for; {@code items} counts a FOR_EACH's items
 * by status.
 */
public record StepView(String id, String type, String status, int attempts, JsonNode output,
    ErrorView error, Instant startedAt, Instant completedAt, String skipReason, Instant dueAt,
    String parent, Map<String, Integer> items) {}
