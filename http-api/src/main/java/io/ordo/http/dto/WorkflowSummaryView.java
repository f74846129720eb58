package io.ordo.http.dto;

import io.ordo.engine.runtime.definitions.WorkflowSummary;
import java.time.Instant;

public record WorkflowSummaryView(String id, String name, String description, int latestVersion,
    boolean archived, Instant createdAt, Instant updatedAt) {

  public static WorkflowSummaryView of(WorkflowSummary s) {
    return new WorkflowSummaryView(s.workflowId(), s.name(), s.description(), s.latestVersion(),
        s.archived(), s.createdAt(), s.updatedAt());
  }
}
