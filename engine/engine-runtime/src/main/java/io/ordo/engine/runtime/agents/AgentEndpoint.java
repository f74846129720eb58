package io.ordo.engine.runtime.agents;

import io.ordo.engine.model.retry.RetryPolicy;
import java.time.Duration;
import java.util.Map;

/**
 * What an HTTP step needs to call an agent: where it is, the headers that authenticate it, and
 * the agent's defaults for steps that set no timeout or retry of their own. {@code authHeaders}
 * hold secrets: they go on the wire and nowhere else ({@link #toString} leaves them out).
 */
public record AgentEndpoint(String workspaceId, String agentId, String baseUrl,
    Map<String, String> authHeaders, Duration defaultTimeout, RetryPolicy defaultRetry,
    boolean enabled) {

  public AgentEndpoint {
    authHeaders = Map.copyOf(authHeaders);
  }

  @Override
  public String toString() {
    return "AgentEndpoint[" + workspaceId + "/" + agentId + " " + baseUrl + ", auth headers "
        + authHeaders.keySet() + "]";
  }
}
