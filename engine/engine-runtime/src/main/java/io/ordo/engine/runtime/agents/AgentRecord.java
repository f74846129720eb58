package io.ordo.engine.runtime.agents;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A stored agent as anyone may see it: the secret is not here, only whether one is set.
 *
 * @param defaultTimeout ISO-8601 duration as submitted, or null
 * @param defaultRetry the retry policy object as submitted, or null
 */
public record AgentRecord(String workspaceId, String agentId, String name, String description,
    String baseUrl, AgentAuth.Type authType, String authUsername, String authHeader,
    boolean secretSet, String defaultTimeout, JsonNode defaultRetry, String healthPath,
    boolean enabled, AgentHealth health, Instant createdAt, Instant updatedAt) {

  /** The URL the health check calls: the base URL (no trailing slash) plus the health path. */
  public String healthUrl() {
    return baseUrl + healthPath;
  }
}
