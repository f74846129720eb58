package io.ordo.engine.runtime.agents;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Looks up registered agents for HTTP steps. Implementations may cache, but a change to an agent
 * must reach every node within seconds.
 */
public interface AgentResolver {

  CompletionStage<Optional<AgentEndpoint>> resolve(String workspaceId, String agentId);
}
