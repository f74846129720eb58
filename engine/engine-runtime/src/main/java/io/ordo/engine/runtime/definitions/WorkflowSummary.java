package io.ordo.engine.runtime.definitions;

import java.time.Instant;

/** A workflow as listed: its latest version and standing, without the definition. */
public record WorkflowSummary(String workflowId, String name, String description,
    int latestVersion, boolean archived, Instant createdAt, Instant updatedAt) {}
