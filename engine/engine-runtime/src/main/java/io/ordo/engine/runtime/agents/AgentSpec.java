package io.ordo.engine.runtime.agents;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * An agent as a create or a full replacement describes it, already validated.
 *
 * @param defaultTimeout ISO-8601 duration as submitted, or null
 * @param defaultRetry a retry policy object as submitted, or null
 */
public record AgentSpec(String agentId, String name, String description, String baseUrl,
    AgentAuth auth, String defaultTimeout, JsonNode defaultRetry, String healthPath,
    boolean enabled) {

  public static final String DEFAULT_HEALTH_PATH = "/health";

  public AgentSpec {
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(healthPath, "healthPath");
  }
}
