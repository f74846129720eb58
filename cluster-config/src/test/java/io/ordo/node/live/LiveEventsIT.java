package io.ordo.node.live;

import static io.ordo.node.live.Live.APPROVAL;
import static io.ordo.node.live.Live.POLL;
import static io.ordo.node.live.Live.SEQUENCE;
import static io.ordo.node.live.Live.WAIT;
import static io.ordo.node.live.Live.awaitEnd;
import static io.ordo.node.live.Live.awaitEnded;
import static io.ordo.node.live.Live.awaitEvent;
import static io.ordo.node.live.Live.signal;
import static io.ordo.node.live.Live.workflow;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.runtime.live.LiveEvents;
import io.ordo.node.OrdoNode;
import io.ordo.node.testing.ApiClient;
import io.ordo.node.testing.Journal;
import io.ordo.node.testing.TestNodes;
import io.ordo.node.testing.TestPostgres;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code GET /executions/{id}/events} on one real node: replay, follow, resume, heartbeats. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveEventsIT {

  private String db;
  private OrdoNode node;
  private ApiClient api;
  private LiveEvents live;

  @BeforeAll
  void startNode() {
    db = TestPostgres.freshDatabase();
    node = TestNodes.start(db, Map.of("ordo.http.sse.heartbeat", "300ms"));
    api = new ApiClient(node.httpPort());
    live = LiveEvents.get(node.system());
  }

  @AfterAll
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  @BeforeEach
  void noStreamIsFollowedFromAnEarlierTest() {
    await().atMost(WAIT).until(() -> live.followed() == 0);
  }

  private SseClient open(String executionId) {
    return SseClient.open(node.httpPort(), executionId);
  }

  private SseClient resume(String executionId, long after) {
    return SseClient.open(node.httpPort(), executionId, "",
        Map.of("Last-Event-ID", Long.toString(after)));
  }

  private long journalSize(String executionId) {
    return Journal.countRows(db, "SELECT count(*) FROM event_journal WHERE persistence_id = '"
        + "Execution|" + executionId + "'");
  }

  @Test
  void anEndedExecutionIsReplayedInFullThenTheStreamCompletes() {
    String id = api.execute(workflow(api, SEQUENCE), "{\"input\": {\"n\": 1}}");
    awaitEnded(api, id);

    try (SseClient client = open(id)) {
      awaitEnd(client);

      assertEquals(200, client.status());
      assertTrue(client.header("content-type").startsWith("text/event-stream"),
          client.header("content-type"));
      List<Long> expected = LongStream.rangeClosed(1, journalSize(id)).boxed().toList();
      assertEquals(expected, client.seqs(), "every event once, in journal order");
      assertEquals("execution.started", client.types().get(0));
      assertEquals("execution.completed", client.types().get(client.types().size() - 1));
      assertEquals(List.of("execution.started", "step.succeeded", "step.succeeded",
          "execution.completed"), client.types());
      for (SseClient.Event event : client.events()) {
        JsonNode data = event.data();
        assertEquals(event.seq(), data.get("seq").asLong(), data::toString);
        assertEquals(event.type(), data.get("type").asText(), data::toString);
        assertEquals(id, data.get("executionId").asText(), data::toString);
        Instant.parse(data.get("at").asText());
      }
      assertEquals(2, client.events().get(client.events().size() - 1).data()
          .get("output").asInt());
      assertEquals(0, client.malformed());
    }
  }

  @Test
  void aRunningExecutionIsFollowedLiveUntilItEnds() {
    String id = api.execute(workflow(api, APPROVAL), "{}");
    try (SseClient client = open(id)) {
      awaitEvent(client, "step.waiting");
      await().atMost(WAIT).until(() -> live.followed() == 1);
      assertFalse(client.ended(), "a waiting execution's stream stays open");

      signal(api, id, "approval", "{\"by\": \"bob\"}");

      awaitEnd(client);
      List<String> types = client.types();
      assertEquals("execution.completed", types.get(types.size() - 1), types::toString);
      assertTrue(types.contains("signal.received"), types::toString);
      SseClient.Event approved = client.events().stream()
          .filter(e -> e.type().equals("step.succeeded")
              && e.data().get("stepId").asText().equals("approve"))
          .findFirst().orElseThrow(() -> new AssertionError(types.toString()));
      assertEquals("bob", approved.data().at("/output/by").asText());
      assertEquals(LongStream.rangeClosed(1, journalSize(id)).boxed().toList(), client.seqs());
    }
    await().atMost(WAIT).until(() -> live.followed() == 0);
  }

  @Test
  void lastEventIdResumesWithExactlyTheLaterEventsOnceInOrder() {
    String ended = api.execute(workflow(api, SEQUENCE), "{\"input\": {\"n\": 5}}");
    awaitEnded(api, ended);
    long size = journalSize(ended);
    long half = size / 2;

    try (SseClient byHeader = resume(ended, half);
        SseClient byQuery = SseClient.open(node.httpPort(), ended, "?after=" + half, Map.of());
        SseClient atTheEnd = resume(ended, size)) {
      awaitEnd(byHeader);
      awaitEnd(byQuery);
      awaitEnd(atTheEnd);
      List<Long> later = LongStream.rangeClosed(half + 1, size).boxed().toList();
      assertEquals(later, byHeader.seqs());
      assertEquals(later, byQuery.seqs());
      assertEquals(List.of(), atTheEnd.seqs(), "nothing after the last event of an ended run");
    }
  }

  @Test
  void aClientThatReconnectsDuringARunGetsWhatItMissedOnceThenTheRest() {
    String id = api.execute(workflow(api, APPROVAL), "{}");
    long seen;
    try (SseClient first = open(id)) {
      awaitEvent(first, "step.waiting");
      seen = first.events().get(first.events().size() - 1).seq();
    }
    await().atMost(WAIT).until(() -> live.followed() == 0);
    signal(api, id, "approval", "{\"by\": \"ann\"}");
    awaitEnded(api, id);

    try (SseClient again = resume(id, seen)) {
      awaitEnd(again);
      assertEquals(LongStream.rangeClosed(seen + 1, journalSize(id)).boxed().toList(),
          again.seqs());
      assertEquals("signal.received", again.types().get(0));
    }
  }

  @Test
  void anIdleStreamSendsHeartbeatComments() {
    String id = api.execute(workflow(api, APPROVAL), "{}");
    try (SseClient client = open(id)) {
      awaitEvent(client, "step.waiting");
      int events = client.events().size();

      await().pollInterval(POLL).atMost(WAIT).until(() -> client.comments().size() >= 3);

      assertTrue(client.comments().stream().allMatch(": keep-alive"::equals),
          client.comments()::toString);
      assertEquals(events, client.events().size(), "heartbeats are not events");
      assertFalse(client.ended());
    }
    signal(api, id, "approval", "{}");
  }

  @Test
  void aClientThatGoesAwayUnregistersItsListener() {
    String id = api.execute(workflow(api, APPROVAL), "{}");
    SseClient one = open(id);
    SseClient two = open(id);
    awaitEvent(one, "step.waiting");
    awaitEvent(two, "step.waiting");
    await().atMost(WAIT).until(() -> live.followed() == 1);

    one.close();
    two.close();

    await().atMost(WAIT).until(() -> live.followed() == 0);
    signal(api, id, "approval", "{}");
    awaitEnded(api, id);
  }

  @Test
  void anUnknownExecutionIsANotFoundProblem() {
    try (SseClient client = open("no-such-execution")) {
      assertEquals(404, client.status());
      assertTrue(client.header("content-type").startsWith("application/problem+json"));
      assertEquals(404, client.problem().get("status").asInt());
    }
  }

  @Test
  void aResumePointThatIsNotAnEventOfTheExecutionIsABadRequest() {
    String id = api.execute(workflow(api, SEQUENCE), "{\"input\": {\"n\": 1}}");
    awaitEnded(api, id);
    try (SseClient notANumber = SseClient.open(node.httpPort(), id, "",
            Map.of("Last-Event-ID", "seven"));
        SseClient negative = SseClient.open(node.httpPort(), id, "?after=-1", Map.of());
        SseClient beyond = resume(id, journalSize(id) + 1)) {
      assertEquals(400, notANumber.status());
      assertEquals("/Last-Event-ID", notANumber.problem().at("/errors/0/pointer").asText());
      assertEquals(400, negative.status());
      assertEquals("/after", negative.problem().at("/errors/0/pointer").asText());
      assertEquals(400, beyond.status());
      assertEquals("/Last-Event-ID", beyond.problem().at("/errors/0/pointer").asText());
    }
  }
}
