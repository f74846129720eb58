package io.ordo.node.resilience;

import io.ordo.node.OrdoNode;
import io.ordo.node.testing.ApiClient;
import io.ordo.node.testing.TestNodes;
import io.ordo.node.testing.TestPostgres;
import io.ordo.testkit.TestAgent;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One real node over a fresh database and one programmable agent per test class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SingleNodeSupport {

  protected String db;
  protected OrdoNode node;
  protected ApiClient api;
  protected TestAgent agent;

  /** Settings on top of the test defaults. */
  protected Map<String, Object> nodeSettings() {
    return Map.of();
  }

  @BeforeAll
  void startNodeAndAgent() {
    agent = TestAgent.start();
    db = TestPostgres.freshDatabase();
    node = TestNodes.start(db, nodeSettings());
    api = new ApiClient(node.httpPort());
  }

  @AfterAll
  void stopNodeAndAgent() {
    if (node != null) {
      node.close();
    }
    if (agent != null) {
      agent.close();
    }
  }

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
