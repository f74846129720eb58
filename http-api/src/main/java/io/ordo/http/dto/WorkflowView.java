package io.ordo.http.dto;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.runtime.definitions.WorkflowRecord;
import java.time.Instant;

/** One version of a workflow as the API shows it; {@code definition} is the stored document. */
public record WorkflowView(String id, String name, String description, int version,
    int latestVersion, boolean archived, Instant createdAt, Instant updatedAt,
    Instant versionCreatedAt, JsonNode definition) {

  public static WorkflowView of(WorkflowRecord r) {
    return new WorkflowView(r.workflowId(), r.name(), r.description(), r.version(),
        r.latestVersion(), r.archived(), r.createdAt(), r.updatedAt(), r.versionCreatedAt(),
        r.definition());
  }
}
