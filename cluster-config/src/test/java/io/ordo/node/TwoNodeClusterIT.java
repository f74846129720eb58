package io.ordo.node;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.runtime.execution.ExecutionEntity;
import io.ordo.node.testing.ApiClient;
import io.ordo.node.testing.TwoNodes;
import io.ordo.node.testing.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery;
import org.apache.pekko.cluster.sharding.typed.GetClusterShardingStats;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Two nodes in one cluster over one database: either answers for any execution. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeClusterIT {

  private static final String WORKFLOW = """
      {"id": "pause", "steps": [
        {"id": "pause", "type": "WAIT", "duration": "PT2S"},
        {"id": "echo", "type": "DATA_TRANSFORM", "dependsOn": ["pause"],
         "expression": "${ .input.n }"}]}""";

  private TwoNodes nodes;
  private OrdoNode a;
  private OrdoNode b;
  private ApiClient apiA;
  private ApiClient apiB;

  @BeforeAll
  void startCluster() {
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
  }

  @Test
  void eitherNodeAnswersForEveryExecutionWhicheverNodeRunsIt() throws Exception {
    apiA.createWorkflow(WORKFLOW);
    var ids = new ArrayList<String>();
    for (int n = 0; n < 16; n++) {
      ApiClient via = n % 2 == 0 ? apiA : apiB;
      ids.add(via.execute("pause", "{\"input\": {\"n\": " + n + "}}"));
    }
    // While they wait, the executions live on both nodes, not just on the one that started them.
    assertTrue(hostsEntities(a), "node A runs some of the executions");
    assertTrue(hostsEntities(b), "node B runs some of the executions");

    for (String id : ids) {
      JsonNode fromA = apiA.execution(id);
      JsonNode fromB = apiB.execution(id);
      assertEquals(fromA.get("id"), fromB.get("id"));
      assertEquals(fromA.get("input"), fromB.get("input"));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream()
        .allMatch(id -> apiA.status(id).equals("COMPLETED")));
    for (int n = 0; n < ids.size(); n++) {
      assertEquals(n, apiB.execution(ids.get(n)).get("output").get("echo").asInt());
    }
  }

  @Test
  void aWorkflowStoredThroughOneNodeIsServedByTheOther() {
    apiB.createWorkflow(WORKFLOW.replace("\"pause\", \"steps\"", "\"stored-on-b\", \"steps\""));
    assertEquals(200, apiA.get("/api/v1/workflows/stored-on-b").status());
    String id = apiA.execute("stored-on-b", "{\"input\": {\"n\": 7}}");
    await().atMost(Duration.ofSeconds(30)).until(() -> apiB.status(id).equals("COMPLETED"));
  }

  private static boolean hostsEntities(OrdoNode node) throws Exception {
    ShardRegion.ClusterShardingStats stats = AskPattern.<ClusterShardingQuery,
            ShardRegion.ClusterShardingStats>ask(
            ClusterSharding.get(node.system()).shardState(),
            replyTo -> new GetClusterShardingStats(ExecutionEntity.TYPE_KEY, Duration.ofSeconds(5),
                replyTo),
            Duration.ofSeconds(10), node.system().scheduler())
        .toCompletableFuture().get();
    var self = Cluster.get(node.system()).selfMember().address();
    var regions = stats.getRegions();
    return regions.containsKey(self) && !regions.get(self).getStats().isEmpty();
  }

}
