package io.ordo.node.audit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.node.testing.ApiClient;
import io.ordo.node.testing.ApiClient.Response;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** Requests under a chosen X-Request-Id, and reading the audit log they leave. */
final class AuditSupport {

  /** The execution audit follows the journal about a second behind; headroom for a busy box. */
  static final Duration LAG = Duration.ofSeconds(20);

  private final ApiClient api;

  AuditSupport(ApiClient api) {
    this.api = api;
  }

  static String requestId(String what) {
    return what + "-" + UUID.randomUUID();
  }

  /** Sends a request under {@code requestId} and checks its status. */
  Response send(String method, String path, String json, String requestId, int status) {
    HttpRequest.Builder request = api.request(path).header("X-Request-Id", requestId);
    request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
        : request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json));
    Response r = api.send(request);
    assertEquals(status, r.status(), () -> method + " " + path + ": " + r.body());
    assertEquals(requestId, r.header("X-Request-Id"));
    return r;
  }

  /** GET /api/v1/audit with the query (without '?'); fails unless 200. */
  JsonNode audit(String query) {
    Response r = api.get("/api/v1/audit" + (query.isEmpty() ? "" : "?" + query));
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  static String param(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Waits until the request's entry is in the log and answers the log's entries for it. */
  JsonNode awaitEntriesOf(String requestId) {
    await().pollInterval(Duration.ofMillis(100)).atMost(LAG)
        .until(() -> audit(param("correlationId", requestId)).get("items").size() > 0);
    return audit(param("correlationId", requestId)).get("items");
  }
}
