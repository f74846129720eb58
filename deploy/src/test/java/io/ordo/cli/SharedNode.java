package io.ordo.cli;

import io.ordo.testkit.TestAgent;

/**
 * One node, with the example agents registered, for every command line IT of this JVM: started
 * on first use and stopped when the JVM exits, so each test class does not pay for a node start.
 * Tests use their own workflow ids and inputs, so they do not see each other's data.
 */
final class SharedNode {

  private static SharedNode instance;

  final TestNode node;
  final TestAgent agent;

  private SharedNode(TestNode node, TestAgent agent) {
    this.node = node;
    this.agent = agent;
  }

  static synchronized SharedNode get() {
    if (instance == null) {
      TestAgent agent = TestAgent.start();
      ExampleAgents.script(agent);
      TestNode node = TestNode.start();
      ExampleAgents.IDS.forEach(id -> node.registerAgent(id, agent.url("/" + id)));
      Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "test-agent-stop"));
      instance = new SharedNode(node, agent);
    }
    return instance;
  }
}
