package io.ordo.http.dto;

import java.util.List;

/** {@code GET /executions/{id}/steps}: steps in definition order, each followed by its items. */
public record HistoryStepsView(String executionId, List<HistoryStepView> items) {}
