package io.ordo.node.resilience;

import static io.ordo.node.resilience.Resilience.WAIT;
import static io.ordo.node.resilience.Resilience.awaitEnd;
import static io.ordo.node.resilience.Resilience.awaitStep;
import static io.ordo.node.resilience.Resilience.step;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.runtime.execution.ExecutionEntity;
import io.ordo.node.OrdoNode;
import io.ordo.node.testing.ApiClient;
import io.ordo.node.testing.ApiClient.Response;
import io.ordo.node.testing.TwoNodes;
import io.ordo.node.testing.TestPostgres;
import io.ordo.testkit.TestAgent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One breaker state across a two-node cluster: a breaker opened by failures on one node is open
 * on the other, refuses calls made there, and a reset on either closes it on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BreakerAcrossNodesIT {

  private static final String BREAKERS = "/api/v1/circuit-breakers/";

  private TestAgent agent;
  private TwoNodes nodes;
  private OrdoNode a;
  private OrdoNode b;
  private ApiClient apiA;
  private ApiClient apiB;

  @BeforeAll
  void startCluster() {
    agent = TestAgent.start();
    nodes = TwoNodes.start(TestPostgres.freshDatabase());
    a = nodes.a();
    b = nodes.b();
    apiA = new ApiClient(a.httpPort());
    apiB = new ApiClient(b.httpPort());
  }

  @AfterAll
  void stopCluster() {
    if (nodes != null) {
      nodes.close();
    }
    if (agent != null) {
      agent.close();
    }
  }

  @Test
  void aBreakerOpenedOnOneNodeRefusesCallsOnTheOtherAndAResetThereClosesItEverywhere()
      throws Exception {
    String agentId = Resilience.uniqueId("shared");
    String path = "/" + agentId;
    Resilience.registerAgent(apiA, agent.url(), agentId, "");
    Response configured = apiA.put(BREAKERS + agentId,
        "{\"failureThreshold\": 2, \"resetTimeout\": \"PT60S\"}");
    assertEquals(200, configured.status(), configured.body());
    // The configuration applies on the other node too.
    await().atMost(WAIT).until(() -> state(apiB, agentId).at("/config/failureThreshold")
        .asInt() == 2);
    agent.on(path).status(503);

    // Up to five attempts in one execution: two failures in a row on the node that runs it
    // (even if its shard moves meanwhile) open the breaker, and the next attempt is refused.
    String failing = Resilience.uniqueId("failing");
    apiA.createWorkflow(Resilience.callWorkflow(failing, agentId, path, "\"retry\": {\"strategy\":"
        + " \"FIXED\", \"maxAttempts\": 5, \"initialDelay\": \"PT0.1S\"}"));
    String opener = apiA.execute(failing, "{}");
    await().atMost(WAIT).until(() -> "OPEN".equals(state(apiA, agentId).get("state").asText()));
    await().atMost(WAIT).until(() -> "OPEN".equals(state(apiB, agentId).get("state").asText()));
    JsonNode open = state(apiA, agentId);
    assertEquals(open.get("nextProbeAt"), state(apiB, agentId).get("nextProbeAt"),
        "the same state on both nodes");
    // The opener's next attempt waits for the probe time, not for its retry delay.
    await().atMost(WAIT).until(() -> open.get("nextProbeAt").equals(
        step(apiA.execution(opener), "call").get("dueAt")));
    JsonNode refused = step(apiA.execution(opener), "call");
    assertEquals("RETRYING", refused.get("status").asText(), refused::toPrettyString);
    int calls = agent.callCount(path);
    assertTrue(calls >= 2 && calls < 5, "calls until the breaker opened: " + calls);
    assertEquals(calls, refused.get("attempts").asInt(), "the refused attempt was not spent");

    // Calls through node B are refused too, also by executions that node B runs itself.
    agent.on(path).respond(200, "{\"ok\": true}");
    String once = Resilience.uniqueId("once");
    apiB.createWorkflow(Resilience.callWorkflow(once, agentId, path, ""));
    var throughB = new ArrayList<String>();
    do {
      String id = apiB.execute(once, "{}");
      throughB.add(id);
      JsonNode deferred = step(awaitStep(apiB, id, "call", "RETRYING"), "call");
      assertEquals(0, deferred.get("attempts").asInt(), deferred::toPrettyString);
      assertEquals(calls, agent.callCount(path), "refused without a call");
    } while (!hosts(b, throughB.get(throughB.size() - 1)) && throughB.size() < 20);
    assertTrue(hosts(b, throughB.get(throughB.size() - 1)), "node B ran one of " + throughB);

    // A reset through B closes the breaker on A; calls go through again at once.
    Response reset = apiB.post(BREAKERS + agentId + "/reset", "{}");
    assertEquals(200, reset.status(), reset.body());
    assertEquals("CLOSED", reset.json().get("state").asText());
    await().atMost(WAIT).until(() -> "CLOSED".equals(state(apiA, agentId).get("state").asText()));
    JsonNode done = awaitEnd(apiA, apiA.execute(once, "{}"), "COMPLETED");
    assertEquals(1, step(done, "call").get("attempts").asInt());
    assertEquals(calls + 1, agent.callCount(path));

    for (String id : cat(List.of(opener), throughB)) {
      assertEquals(200, apiA.post("/api/v1/executions/" + id + "/cancel", "{}").status());
    }
  }

  private static List<String> cat(List<String> first, List<String> second) {
    var all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static JsonNode state(ApiClient api, String agentId) {
    Response r = api.get(BREAKERS + agentId);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  /** Whether the node holds the execution's entity in memory. */
  private static boolean hosts(OrdoNode node, String executionId) throws Exception {
    ShardRegion.CurrentShardRegionState state = AskPattern.<ClusterShardingQuery,
            ShardRegion.CurrentShardRegionState>ask(
            ClusterSharding.get(node.system()).shardState(),
            replyTo -> new GetShardRegionState(ExecutionEntity.TYPE_KEY, replyTo),
            Duration.ofSeconds(5), node.system().scheduler())
        .toCompletableFuture().get();
    return state.getShards().stream().anyMatch(s -> s.getEntityIds().contains(executionId));
  }
}
