package io.ordo.http.service;

import java.time.Instant;
import java.util.List;

/**
 * The filters of {@code GET /executions}, validated: each one null (or empty) when absent.
 * {@code from} is inclusive and {@code to} exclusive, both on the start time.
 */
public record ExecutionFilter(String workflowId, Integer version, List<String> statuses,
    Instant from, Instant to, String triggeredBy, int limit, HistoryCursor cursor) {

  public static final int MAX_LIMIT = 500;
  public static final int DEFAULT_LIMIT = 50;

  public ExecutionFilter {
    statuses = statuses == null ? List.of() : List.copyOf(statuses);
  }
}
