package io.ordo.node.resilience;

import io.ordo.node.testing.NodeWithAgent;

/** A node with an agent, and helpers to register agents and one-call workflows on them. */
abstract class SingleNodeSupport extends NodeWithAgent {

  /** Registers a new agent at the test agent's URL and answers its id. */
  protected String newAgent(String prefix, String extra) {
    String id = Resilience.uniqueId(prefix);
    Resilience.registerAgent(api, agent.url(), id, extra);
    return id;
  }

  /** Creates a one-step HTTP workflow and answers its id. */
  protected String newCallWorkflow(String agentId, String path, String stepExtra) {
    String id = Resilience.uniqueId("wf");
    api.createWorkflow(Resilience.callWorkflow(id, agentId, path, stepExtra));
    return id;
  }
}
