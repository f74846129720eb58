package io.ordo.node.testing;

import io.ordo.node.OrdoNode;
import io.ordo.testkit.TestAgent;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One real node over a fresh database and one programmable agent per test class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class NodeWithAgent {

  protected String db;
  protected OrdoNode node;
  protected ApiClient api;
  protected TestAgent agent;

  /** Settings of a family of test classes (e.g. a faster journal poll), under nodeSettings. */
  protected Map<String, Object> baseSettings() {
    return Map.of();
  }

  /** Settings of this class's node on top of the test defaults and the base settings. */
  protected Map<String, Object> nodeSettings() {
    return Map.of();
  }

  @BeforeAll
  void startNodeAndAgent() {
    agent = TestAgent.start();
    db = TestPostgres.freshDatabase();
    var settings = new HashMap<String, Object>(baseSettings());
    settings.putAll(nodeSettings());
    node = TestNodes.start(db, settings);
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
}
