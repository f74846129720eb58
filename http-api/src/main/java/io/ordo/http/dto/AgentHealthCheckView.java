package io.ordo.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ordo.engine.runtime.agents.AgentHealth;
import java.time.Instant;

/** The answer of {@code GET /agents/{id}/health}; {@code httpStatus} only when one came. */
public record AgentHealthCheckView(String status,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer httpStatus, long latencyMs,
    Instant checkedAt, String detail) {

  public static AgentHealthCheckView of(AgentHealth h) {
    return new AgentHealthCheckView(h.status().name(), h.httpStatus(), h.latencyMs(),
        h.checkedAt(), h.detail());
  }
}
