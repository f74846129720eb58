package io.ordo.node.live;

import static io.ordo.node.live.Live.APPROVAL;
import static io.ordo.node.live.Live.CALLS;
import static io.ordo.node.live.Live.WAIT;
import static io.ordo.node.live.Live.awaitEnd;
import static io.ordo.node.live.Live.awaitEvent;
import static io.ordo.node.live.Live.percentile;
import static io.ordo.node.live.Live.signal;
import static io.ordo.node.live.Live.workflow;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ordo.engine.runtime.execution.ExecutionEntity;
import io.ordo.engine.runtime.live.LiveEvents;
import io.ordo.node.OrdoNode;
import io.ordo.node.testing.ApiClient;
import io.ordo.node.testing.TwoNodes;
import io.ordo.node.testing.TestPostgres;
import io.ordo.testkit.TestAgent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion.CurrentShardRegionState;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Live events on a node that does not run the execution. The read journal polls only every 30 s
 * here, so an event that arrives within seconds came through the in-memory push, not a poll.
 * Also measures the delay from an event's time to its arrival at an SSE client on the node
 * running the execution and on the other one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveAcrossNodesIT {

  /** Far above what the pushed path takes; far below the 30 s journal poll. */
  private static final Duration PROMPT = Duration.ofSeconds(5);

  private static final Map<String, Object> SLOW_JOURNAL_POLLS = Map.of(
      "jdbc-read-journal.refresh-interval", "30s");

  private TwoNodes nodes;
  private OrdoNode a;
  private OrdoNode b;
  private ApiClient apiA;
  private ApiClient apiB;
  private TestAgent agent;
  private String agentId;

  @BeforeAll
  void startCluster() {
    agent = TestAgent.start();
    nodes = TwoNodes.start(TestPostgres.freshDatabase(), SLOW_JOURNAL_POLLS);
    a = nodes.a();
    b = nodes.b();
    // Each node's topics must know the other's before a push can cross.
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
        reached(a) >= 1 && reached(b) >= 1);
    apiA = new ApiClient(a.httpPort());
    apiB = new ApiClient(b.httpPort());
    agentId = "live-agent";
    var registered = apiA.post("/api/v1/agents", "{\"id\": \"" + agentId + "\", \"baseUrl\": \""
        + agent.url() + "\"}");
    assertEquals(201, registered.status(), registered.body());
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
  void aClientOnTheOtherNodeGetsLiveEventsPromptly() {
    String id = startOnA(workflow(apiA, APPROVAL), "{}");
    try (SseClient client = SseClient.open(b.httpPort(), id)) {
      awaitEvent(client, "step.waiting");
      await().atMost(WAIT).until(() -> LiveEvents.get(b.system()).followed() == 1);
      int before = client.events().size();

      Instant signalled = Instant.now();
      signal(apiB, id, "approval", "{\"by\": \"bob\"}");

      await().atMost(PROMPT).until(client::ended);
      List<SseClient.Event> live = client.events().subList(before, client.events().size());
      assertEquals("signal.received", live.get(0).type());
      assertEquals("execution.completed", live.get(live.size() - 1).type());
      for (SseClient.Event event : live) {
        assertTrue(Duration.between(signalled, event.receivedAt()).compareTo(PROMPT) < 0,
            event::toString);
      }
    }
    await().atMost(WAIT).until(() -> LiveEvents.get(b.system()).followed() == 0);
  }

  @Test
  void measuresTheDelayFromPersistToDeliveryOnTheSameAndTheOtherNode() {
    int items = 100;
    agent.on("/ok").respond(200, "{\"ok\": true}");
    var input = new StringBuilder("{\"input\": {\"items\": [");
    for (int i = 0; i < items; i++) {
      input.append(i == 0 ? "" : ",").append(i);
    }
    String workflowId = workflow(apiA, CALLS.replace("$AGENT", agentId));
    String id = startOnA(workflowId, input.append("]}}").toString());
    try (SseClient same = SseClient.open(a.httpPort(), id);
        SseClient other = SseClient.open(b.httpPort(), id)) {
      awaitEvent(same, "step.waiting");
      awaitEvent(other, "step.waiting");
      long gate = same.events().get(same.events().size() - 1).seq();

      signal(apiA, id, "go", "{}");

      awaitEnd(same);
      awaitEnd(other);
      assertEquals(same.seqs(), other.seqs());
      List<Long> onSame = delaysAfter(same, gate);
      List<Long> onOther = delaysAfter(other, gate);
      System.out.printf("persist-to-delivery over %d live events (HTTP steps): same node"
              + " p50=%.1f ms p99=%.1f ms max=%.1f ms; other node p50=%.1f ms p99=%.1f ms"
              + " max=%.1f ms%n",
          onSame.size(), ms(percentile(onSame, 50)), ms(percentile(onSame, 99)),
          ms(percentile(onSame, 100)), ms(percentile(onOther, 50)), ms(percentile(onOther, 99)),
          ms(percentile(onOther, 100)));
      List<Long> hop = new ArrayList<>();
      for (int i = 0; i < same.events().size(); i++) {
        if (same.events().get(i).seq() > gate) {
          hop.add(Duration.between(same.events().get(i).receivedAt(),
              other.events().get(i).receivedAt()).toNanos() / 1000);
        }
      }
      System.out.printf("other node minus same node, per event: p50=%.1f ms p99=%.1f ms%n",
          ms(percentile(hop, 50)), ms(percentile(hop, 99)));
      assertTrue(onSame.size() >= 2 * items, "two events per call: " + onSame.size());
      assertTrue(percentile(onOther, 100) < PROMPT.toNanos() / 1000,
          "every event pushed, none waited for a poll");
    }
  }

  /** Microseconds from each event's time to its arrival, for the events after {@code gate}. */
  private static List<Long> delaysAfter(SseClient client, long gate) {
    var delays = new ArrayList<Long>();
    for (SseClient.Event event : client.events()) {
      if (event.seq() > gate) {
        Instant at = Instant.parse(event.data().get("at").asText());
        delays.add(Duration.between(at, event.receivedAt()).toNanos() / 1000);
      }
    }
    return delays;
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }

  /** Starts executions until one runs on node A, and answers its id. */
  private String startOnA(String workflowId, String body) {
    for (int attempt = 0; attempt < 40; attempt++) {
      String id = apiA.execute(workflowId, body);
      if (hosts(a, id)) {
        return id;
      }
      // Not needed: end it, so it does not wait for a signal for ever.
      apiA.post("/api/v1/executions/" + id + "/cancel", "{}");
    }
    throw new AssertionError("no execution landed on node A in 40 starts");
  }

  private static boolean hosts(OrdoNode node, String executionId) {
    try {
      CurrentShardRegionState state = AskPattern.<ClusterShardingQuery, CurrentShardRegionState>ask(
              ClusterSharding.get(node.system()).shardState(),
              replyTo -> new GetShardRegionState(ExecutionEntity.TYPE_KEY, replyTo),
              Duration.ofSeconds(5), node.system().scheduler())
          .toCompletableFuture().get();
      return state.getShards().stream().anyMatch(s -> s.getEntityIds().contains(executionId));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int reached(OrdoNode node) throws Exception {
    return LiveEvents.get(node.system()).reachedNodes(Duration.ofSeconds(3)).toCompletableFuture()
        .get();
  }

}
