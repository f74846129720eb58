package io.ordo.http.dto;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /workflows/{id}/metrics}, over the executions started in [{@code from}, {@code to})
 * (all when absent). {@code successRate} is COMPLETED ÷ ended, null when none ended; durations
 * are milliseconds over ended executions; per step, {@code failureRate} is FAILED ÷ (COMPLETED +
 * FAILED) and {@code avgDurationMs} averages the runs that ended so.
 */
public record HistoryMetricsView(String workflowId, Integer version, Instant from, Instant to,
    long total, Map<String, Long> byStatus, Double successRate, Durations durationMs,
    List<StepMetrics> steps, Last lastExecution) {

  /** Percentiles are interpolated ({@code percentile_cont}); all null when none ended. */
  public record Durations(long count, Double avg, Double p50, Double p95, Double p99) {}

  public record StepMetrics(String stepId, long runs, long completed, long failed, long skipped,
      Double avgDurationMs, Double failureRate) {}

  public record Last(String id, String status, Instant startedAt) {}
}
