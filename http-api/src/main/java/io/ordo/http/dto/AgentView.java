package io.ordo.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.runtime.agents.AgentHealth;
import io.ordo.engine.runtime.agents.AgentRecord;
import java.time.Instant;

/**
 * An agent as the API shows it. Built from {@link AgentRecord}, which holds no secret: the view
 * can only say whether one is set.
 */
public record AgentView(String id, String name, String description, String baseUrl,
    AuthView auth, String defaultTimeout, JsonNode defaultRetry, String healthPath,
    boolean enabled, HealthView health, Instant createdAt, Instant updatedAt) {

  /** {@code username} for BASIC and {@code header} for API_KEY; the secret never. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AuthView(String type, String username, String header, Boolean secretSet) {}

  /** The last health check; {@code UNKNOWN} with nulls until one has run. */
  public record HealthView(String status, Instant checkedAt, Long latencyMs,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer httpStatus, String detail) {

    static HealthView of(AgentHealth h) {
      return new HealthView(h.status().name(), h.checkedAt(), h.latencyMs(), h.httpStatus(),
          h.detail());
    }
  }

  public static AgentView of(AgentRecord r) {
    return new AgentView(r.agentId(), r.name(), r.description(), r.baseUrl(),
        new AuthView(r.authType().name(), r.authUsername(), r.authHeader(), r.secretSet()),
        r.defaultTimeout(), r.defaultRetry(), r.healthPath(), r.enabled(),
        HealthView.of(r.health()), r.createdAt(), r.updatedAt());
  }
}
