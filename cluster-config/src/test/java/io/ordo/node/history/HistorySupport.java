package io.ordo.node.history;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.node.testing.ApiClient;
import io.ordo.node.testing.ApiClient.Response;
import io.ordo.node.testing.NodeWithAgent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real node over a fresh database and one programmable agent per test class, and waiting
 * for the history projection, which follows the journal about a second behind.
 */
abstract class HistorySupport extends NodeWithAgent {

  /** Projection lag (journal polling, 200 ms here) plus headroom for a busy machine. */
  static final Duration LAG = Duration.ofSeconds(15);

  /** The journal polled faster than in production, so tests wait less for the history. */
  static final Map<String, Object> SNAPPY_JOURNAL = Map.of(
      "jdbc-read-journal.refresh-interval", "200ms",
      "jdbc-read-journal.journal-sequence-retrieval.query-delay", "200ms");
  static final Duration POLL = Duration.ofMillis(100);

  private static final AtomicInteger IDS = new AtomicInteger();
  private static final Set<String> NOT_ENDED = Set.of("PENDING", "RUNNING", "PAUSED");

  @Override
  protected Map<String, Object> baseSettings() {
    return SNAPPY_JOURNAL;
  }

  static String uniqueId(String prefix) {
    return prefix + "-" + IDS.incrementAndGet() + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Registers an agent at the test agent's URL and answers its id. */
  String newAgent() {
    String id = uniqueId("agent");
    Response r = api.post("/api/v1/agents",
        "{\"id\": \"" + id + "\", \"baseUrl\": \"" + agent.url() + "\"}");
    assertEquals(201, r.status(), r::body);
    return id;
  }

  /** Waits until the execution itself (its entity) has ended and answers its status. */
  String awaitEnd(String executionId) {
    await().pollInterval(POLL).atMost(LAG)
        .until(() -> !NOT_ENDED.contains(api.status(executionId)));
    return api.status(executionId);
  }

  /** Waits until the history shows the execution with {@code status}; answers its timeline. */
  JsonNode awaitHistory(String executionId, String status) {
    String path = "/api/v1/executions/" + executionId + "/timeline";
    await().pollInterval(POLL).atMost(LAG).until(() -> {
      Response r = api.get(path);
      return r.status() == 200 && status.equals(r.json().get("status").asText());
    });
    return api.get(path).json();
  }

  /** Waits until the history lists {@code count} executions for the query. */
  List<JsonNode> awaitListed(String query, int count) {
    await().pollInterval(POLL).atMost(LAG).until(() -> listAll(query).size() == count);
    return listAll(query);
  }

  /** Every item of {@code GET /executions?<query>}, following cursors. */
  List<JsonNode> listAll(String query) {
    var items = new ArrayList<JsonNode>();
    String cursor = null;
    do {
      Response r = api.get("/api/v1/executions?limit=500&" + query
          + (cursor == null ? "" : "&cursor=" + cursor));
      assertEquals(200, r.status(), r::body);
      r.json().get("items").forEach(items::add);
      JsonNode next = r.json().get("nextCursor");
      cursor = next.isNull() ? null : next.asText();
    } while (cursor != null);
    return items;
  }

  static JsonNode assertProblem(Response r, int status) {
    assertEquals(status, r.status(), r::body);
    assertTrue(r.contentType().startsWith("application/problem+json"), r::body);
    return r.json();
  }

  static List<String> pointers(JsonNode problem) {
    var pointers = new ArrayList<String>();
    problem.path("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
    return pointers;
  }
}
