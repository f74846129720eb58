package io.ordo.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ordo.node.testing.ApiClient.Response;
import io.ordo.node.testing.Journal;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Health checks against a real loopback server that demands each auth scheme's credentials, and
 * the write-only rule for secrets: no response, audit entry or log line ever shows one.
 */
class AgentHealthIT extends ApiTestSupport {

  private static final String TOKEN = "tok-" + UUID.randomUUID();
  private static final String PASSWORD = "pw-" + UUID.randomUUID();
  private static final String KEY = "key-" + UUID.randomUUID();

  private HttpServer server;
  private String base;
  private final List<String> responses = new ArrayList<>();

  @BeforeAll
  void startAgentServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/svc/ok", exchange -> answer(exchange, 200));
    server.createContext("/svc/fail", exchange -> answer(exchange, 500));
    server.createContext("/svc/bearer", exchange -> answer(exchange,
        ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))
            ? 200 : 401));
    String basic = "Basic " + Base64.getEncoder()
        .encodeToString(("ordo:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    server.createContext("/svc/basic", exchange -> answer(exchange,
        basic.equals(exchange.getRequestHeaders().getFirst("Authorization")) ? 200 : 401));
    server.createContext("/svc/key", exchange -> answer(exchange,
        KEY.equals(exchange.getRequestHeaders().getFirst("X-Api-Key")) ? 200 : 401));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/svc";
  }

  @AfterAll
  void stopAgentServer() {
    server.stop(0);
  }

  private static void answer(HttpExchange exchange, int status) throws IOException {
    byte[] body = "{\"ok\": true}".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  /** Every response body of the test, to prove no secret is in any of them. */
  private Response track(Response r) {
    responses.add(r.body());
    return r;
  }

  private JsonNode createAgent(String id, String healthPath, String auth) {
    Response r = track(api.post("/api/v1/agents", """
        {"id": "%s", "baseUrl": "%s/", "healthPath": "%s", "auth": %s}"""
        .formatted(id, base, healthPath, auth)));
    assertEquals(201, r.status(), r.body());
    return r.json();
  }

  private JsonNode health(String id) {
    Response r = track(api.get("/api/v1/agents/" + id + "/health"));
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  private void assertNoSecretAnywhere(String... secrets) throws IOException {
    Path log = Path.of("target", "test-logs", "cluster-config.log");
    String logText = Files.exists(log) ? Files.readString(log) : "";
    for (String secret : secrets) {
      for (String body : responses) {
        assertFalse(body.contains(secret), "a response showed a secret: " + body);
      }
      assertEquals(0, Journal.countRows(db, "SELECT count(*) FROM audit_log"
          + " WHERE details::text LIKE '%" + secret + "%'"), "an audit entry holds a secret");
      assertFalse(logText.contains(secret), "a log line holds a secret");
    }
  }

  @Test
  void healthIsUpWhenThePathAnswers2xxAndTheAgentShowsItAfterwards() {
    String id = uniqueId("up");
    createAgent(id, "/ok", "{\"type\": \"NONE\"}");

    JsonNode check = health(id);

    assertEquals("UP", check.get("status").asText());
    assertEquals(200, check.get("httpStatus").asInt());
    assertTrue(check.get("latencyMs").asLong() >= 0);
    assertTrue(check.hasNonNull("checkedAt") && check.hasNonNull("detail"));
    JsonNode agent = api.get("/api/v1/agents/" + id).json();
    assertEquals("UP", agent.at("/health/status").asText());
    assertEquals(check.get("checkedAt"), agent.at("/health/checkedAt"));
    assertEquals(check.get("latencyMs"), agent.at("/health/latencyMs"));
    assertEquals(1, Journal.countRows(db, "SELECT count(*) FROM audit_log WHERE entity_id = '"
        + id + "' AND action = 'agent.health-changed'"));
  }

  @Test
  void healthIsDownWhenThePathAnswers500() {
    String id = uniqueId("fail");
    createAgent(id, "/fail", "{\"type\": \"NONE\"}");

    JsonNode check = health(id);

    assertEquals("DOWN", check.get("status").asText());
    assertEquals(500, check.get("httpStatus").asInt());
    assertTrue(check.get("detail").asText().contains("500"), check.toString());
    assertEquals("DOWN", api.get("/api/v1/agents/" + id).json().at("/health/status").asText());
  }

  @Test
  void healthIsDownWithAReasonWhenNothingListens() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String id = uniqueId("unreachable");
    Response created = api.post("/api/v1/agents", """
        {"id": "%s", "baseUrl": "http://127.0.0.1:%d"}""".formatted(id, closedPort));
    assertEquals(201, created.status(), created.body());

    JsonNode check = health(id);

    assertEquals("DOWN", check.get("status").asText());
    assertFalse(check.has("httpStatus"), check.toString());
    assertTrue(check.get("detail").asText().contains("connect"), check.toString());
    JsonNode agent = api.get("/api/v1/agents/" + id).json();
    assertEquals("DOWN", agent.at("/health/status").asText());
    assertEquals(check.get("detail"), agent.at("/health/detail"));
  }

  @Test
  void aWrongSecretMakesTheHealthCheckFailAndTheRightOnePass() {
    String id = uniqueId("wrong");
    createAgent(id, "/bearer", "{\"type\": \"BEARER\", \"token\": \"not-it\"}");
    assertEquals(401, health(id).get("httpStatus").asInt());

    Response fixed = track(api.put("/api/v1/agents/" + id, """
        {"baseUrl": "%s", "healthPath": "/bearer", "auth": {"type": "BEARER", "token": "%s"}}"""
        .formatted(base, TOKEN)));
    assertEquals(200, fixed.status(), fixed.body());
    assertEquals("UP", health(id).get("status").asText());
  }

  @Test
  void aReplacementWithoutTheSecretKeepsItForEveryAuthType() throws IOException {
    String[][] cases = {
        {"/bearer", "{\"type\": \"BEARER\", \"token\": \"" + TOKEN + "\"}",
            "{\"type\": \"BEARER\"}"},
        {"/basic", "{\"type\": \"BASIC\", \"username\": \"ordo\", \"password\": \"" + PASSWORD
            + "\"}", "{\"type\": \"BASIC\", \"username\": \"ordo\"}"},
        {"/key", "{\"type\": \"API_KEY\", \"header\": \"X-Api-Key\", \"value\": \"" + KEY
            + "\"}", "{\"type\": \"API_KEY\", \"header\": \"X-Api-Key\"}"}};
    for (String[] c : cases) {
      String id = uniqueId("keep");
      JsonNode created = createAgent(id, c[0], c[1]);
      assertTrue(created.at("/auth/secretSet").asBoolean(), created.toString());

      Response replaced = track(api.put("/api/v1/agents/" + id, """
          {"name": "renamed", "baseUrl": "%s", "healthPath": "%s", "auth": %s}"""
          .formatted(base, c[0], c[2])));
      assertEquals(200, replaced.status(), replaced.body());
      assertTrue(replaced.json().at("/auth/secretSet").asBoolean(), replaced.body());

      assertEquals("UP", health(id).get("status").asText(), "the kept secret for " + c[0]);
      track(api.get("/api/v1/agents/" + id));
    }
    track(api.get("/api/v1/agents?limit=500"));
    assertNoSecretAnywhere(TOKEN, PASSWORD, KEY);
  }

  @Test
  void changingTheAuthTypeWithoutTheNewSecretIs400AndKeepsTheAgent() {
    String id = uniqueId("switch");
    createAgent(id, "/bearer", "{\"type\": \"BEARER\", \"token\": \"" + TOKEN + "\"}");

    JsonNode problem = assertProblem(track(api.put("/api/v1/agents/" + id, """
        {"baseUrl": "%s", "auth": {"type": "API_KEY", "header": "X-Api-Key"}}"""
        .formatted(base))), 400);

    assertEquals(List.of("/auth/value"), pointers(problem));
    assertTrue(messageAt(problem, "/auth/value").contains("BEARER"), problem.toString());
    assertEquals("BEARER", api.get("/api/v1/agents/" + id).json().at("/auth/type").asText());
    assertEquals("UP", health(id).get("status").asText());
  }

  @Test
  void aChangedSecretIsAuditedByPointerOnly() throws IOException {
    String id = uniqueId("rotate");
    String first = "first-" + UUID.randomUUID();
    String second = "second-" + UUID.randomUUID();
    createAgent(id, "/ok", "{\"type\": \"BEARER\", \"token\": \"" + first + "\"}");

    Response rotated = track(api.put("/api/v1/agents/" + id, """
        {"baseUrl": "%s", "healthPath": "/ok", "auth": {"type": "BEARER", "token": "%s"}}"""
        .formatted(base, second)));

    assertEquals(200, rotated.status(), rotated.body());
    assertEquals(1, Journal.countRows(db, "SELECT count(*) FROM audit_log WHERE entity_id = '"
        + id + "' AND action = 'agent.updated'"
        + " AND details->'changed' = '[\"/auth/secret\"]'::jsonb"));
    track(api.get("/api/v1/agents/" + id + "/health"));
    assertNoSecretAnywhere(first, second);
  }
}
