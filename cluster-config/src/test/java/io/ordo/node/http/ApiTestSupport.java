package io.ordo.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.node.OrdoNode;
import io.ordo.node.testing.ApiClient;
import io.ordo.node.testing.ApiClient.Response;
import io.ordo.node.testing.Journal;
import io.ordo.node.testing.TestNodes;
import io.ordo.node.testing.TestPostgres;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One real node over a fresh database per test class, reached over loopback HTTP, plus the
 * assertions every API test needs (problem documents and their pointers).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiTestSupport {

  private static final AtomicInteger IDS = new AtomicInteger();

  protected String db;
  protected OrdoNode node;
  protected ApiClient api;

  @BeforeAll
  void startNode() {
    db = TestPostgres.freshDatabase();
    node = TestNodes.start(db);
    api = new ApiClient(node.httpPort());
  }

  @AfterAll
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  /** A workflow id no other test uses. */
  protected static String uniqueId(String prefix) {
    return prefix + "-" + IDS.incrementAndGet() + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Asserts an RFC 7807 problem with the given status and answers its body. */
  protected static JsonNode assertProblem(Response r, int status) {
    assertEquals(status, r.status(), () -> "status of: " + r.body());
    assertNotNull(r.contentType(), "a content type");
    assertTrue(r.contentType().startsWith("application/problem+json"),
        () -> "problem+json, not " + r.contentType() + ": " + r.body());
    JsonNode problem = r.json();
    assertEquals(status, problem.get("status").asInt(), r.body());
    assertTrue(problem.hasNonNull("type") && problem.get("type").asText().startsWith("https://"),
        () -> "a type URI: " + r.body());
    assertTrue(problem.hasNonNull("title"), () -> "a title: " + r.body());
    assertEquals(r.header("X-Request-Id"), problem.path("requestId").asText(null),
        "the problem quotes the request id");
    return problem;
  }

  /** The pointers of a problem's errors, in order. */
  protected static List<String> pointers(JsonNode problem) {
    var pointers = new ArrayList<String>();
    problem.path("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
    return pointers;
  }

  /** The message of the first error at {@code pointer}; fails when there is none. */
  protected static String messageAt(JsonNode problem, String pointer) {
    for (JsonNode e : problem.path("errors")) {
      if (e.get("pointer").asText().equals(pointer)) {
        return e.get("message").asText();
      }
    }
    throw new AssertionError("no error at '" + pointer + "' in " + problem);
  }

  protected static Set<String> fieldNames(JsonNode node) {
    var names = new HashSet<String>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Runs {@code n} copies of a call at the same time and answers their responses. */
  protected static List<Response> concurrently(int n, Supplier<Response> call) {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      var start = new CountDownLatch(1);
      List<Future<Response>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return call.get();
        }));
      }
      start.countDown();
      var responses = new ArrayList<Response>();
      for (Future<Response> f : futures) {
        responses.add(f.get(60, TimeUnit.SECONDS));
      }
      return responses;
    } catch (Exception e) {
      throw new AssertionError("concurrent calls failed", e);
    } finally {
      pool.shutdownNow();
    }
  }

  protected long workflowRows(String workflowId) {
    return Journal.countRows(db,
        "SELECT count(*) FROM workflows WHERE workflow_id = '" + workflowId + "'");
  }

  protected long versionRows(String workflowId) {
    return Journal.countRows(db,
        "SELECT count(*) FROM workflow_versions WHERE workflow_id = '" + workflowId + "'");
  }

  protected long journalRows() {
    return Journal.countRows(db, "SELECT count(*) FROM event_journal");
  }

  /** A two-step DATA_TRANSFORM sequence, the simplest workflow that runs to completion. */
  protected static String transformWorkflow(String id) {
    return """
        {"id": "%s", "steps": [
          {"id": "double", "type": "DATA_TRANSFORM", "expression": "${ .input.n * 2 }"},
          {"id": "label", "type": "DATA_TRANSFORM", "dependsOn": ["double"],
           "expression": {"value": "${ .steps.double.output }", "tag": "v1"}}]}"""
        .formatted(id);
  }
}
