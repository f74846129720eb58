package io.ordo.engine.runtime.audit;

import com.fasterxml.jackson.databind.JsonNode;

/** One recorded change: who did what to which entity, under which request. */
public record AuditEntry(String workspaceId, String actor, String action, String entityType,
    String entityId, String correlationId, JsonNode details) {}
