package io.ordo.engine.runtime.agents;

import io.ordo.engine.model.retry.RetryPolicy;
import io.ordo.engine.model.validation.RetryPolicies;
import java.time.Duration;
import java.util.Map;

/**
 * An agent with its credentials, for the code that calls it (the health check, HTTP steps).
 * Never handed to the API's views; {@link #toString} masks the secret through {@link AgentAuth}.
 */
public record AgentAccess(AgentRecord agent, AgentAuth auth) {

  public Map<String, String> authHeaders() {
    return auth.headers();
  }

  /** What an HTTP step needs; the stored defaults were validated when written. */
  public AgentEndpoint endpoint() {
    Duration timeout = agent.defaultTimeout() == null ? null
        : Duration.parse(agent.defaultTimeout());
    RetryPolicy retry = agent.defaultRetry() == null ? null
        : RetryPolicies.parse(agent.defaultRetry(), "/defaultRetry").policy();
    return new AgentEndpoint(agent.workspaceId(), agent.agentId(), agent.baseUrl(),
        auth.headers(), timeout, retry, agent.enabled());
  }
}
