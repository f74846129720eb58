package io.ordo.engine.runtime.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One version of a stored workflow, with the workflow's current standing. */
public record WorkflowRecord(String workspaceId, String workflowId, String name,
    String description, int version, int latestVersion, boolean archived, Instant createdAt,
    Instant updatedAt, Instant versionCreatedAt, JsonNode definition) {

  public WorkflowKey key() {
    return new WorkflowKey(workspaceId, workflowId, version);
  }
}
