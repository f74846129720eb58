package io.ordo.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.node.testing.ApiClient.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every way a request can go wrong answers an RFC 7807 problem, Pekko's own rejections (404,
 * 405, 413, 415) included; and every response carries a correlation id.
 */
class ProblemResponsesIT extends ApiTestSupport {

  private static final int ONE_MIB = 1024 * 1024;

  @Test
  void malformedJsonIs400AtTheEmptyPointerOnEveryBodyTakingEndpoint() {
    String id = uniqueId("malformed");
    api.createWorkflow(transformWorkflow(id));
    String execution = api.execute(id, "{\"input\": {\"n\": 1}}");

    for (Response r : List.of(
        api.post("/api/v1/workflows", "{\"id\": "),
        api.post("/api/v1/workflows/validate", "{\"id\": "),
        api.put("/api/v1/workflows/" + id, "{\"id\": "),
        api.post("/api/v1/workflows/" + id + "/execute", "{\"input\": "),
        api.post("/api/v1/executions/" + execution + "/cancel", "{\"reason\": "))) {
      JsonNode problem = assertProblem(r, 400);
      assertEquals(List.of(""), pointers(problem), r.body());
      assertTrue(messageAt(problem, "").contains("malformed JSON"), r.body());
    }
    assertEquals(1, versionRows(id), "the malformed PUT added no version");
  }

  @Test
  void anEmptyDefinitionIsMalformed() {
    JsonNode problem = assertProblem(api.post("/api/v1/workflows", ""), 400);
    assertEquals(List.of(""), pointers(problem));
    assertTrue(messageAt(problem, "").contains("malformed JSON"), problem.toString());
  }

  @Test
  void aJsonArrayOrScalarBodyIs400() {
    String id = uniqueId("array");
    api.createWorkflow(transformWorkflow(id));

    for (Response r : List.of(api.post("/api/v1/workflows", "[1, 2]"),
        api.post("/api/v1/workflows/validate", "[]"),
        api.put("/api/v1/workflows/" + id, "[]"),
        api.post("/api/v1/workflows/" + id + "/execute", "[]"),
        api.post("/api/v1/workflows/" + id + "/execute", "null"),
        api.post("/api/v1/workflows/" + id + "/execute", "42"))) {
      assertEquals(List.of(""), pointers(assertProblem(r, 400)), r.body());
    }
  }

  @Test
  void aBodyThatIsNotDeclaredJsonIs415() {
    String id = uniqueId("plain");
    api.createWorkflow(transformWorkflow(id));

    for (var request : List.of(
        api.request("/api/v1/workflows").POST(text(transformWorkflow(uniqueId("p"))))
            .header("Content-Type", "text/plain"),
        api.request("/api/v1/workflows/validate").POST(text("{}"))
            .header("Content-Type", "text/plain"),
        api.request("/api/v1/workflows/" + id).PUT(text(transformWorkflow(id)))
            .header("Content-Type", "text/plain"),
        api.request("/api/v1/workflows/" + id + "/execute").POST(text("{}"))
            .header("Content-Type", "application/x-www-form-urlencoded"),
        // No Content-Type at all: the server sees application/octet-stream.
        api.request("/api/v1/workflows/validate").POST(text("{}")))) {
      JsonNode problem = assertProblem(api.send(request), 415);
      assertTrue(problem.get("detail").asText().contains("application/json"),
          problem.toString());
    }
    assertEquals(1, versionRows(id), "the refused PUT added no version");
  }

  @Test
  void jsonWithACharsetOrAPlusJsonSubtypeIsAccepted() {
    Response charset = api.send(api.request("/api/v1/workflows/validate")
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(text(transformWorkflow("with-charset"))));
    assertEquals(200, charset.status(), charset.body());

    Response plusJson = api.send(api.request("/api/v1/workflows/validate")
        .header("Content-Type", "application/vnd.ordo+json")
        .POST(text(transformWorkflow("plus-json"))));
    assertEquals(200, plusJson.status(), plusJson.body());
  }

  // The client announces its body and waits (Expect: 100-continue), so the server refuses it
  // before any of it is sent. Without that, a server that refuses an upload early has to close
  // the connection while the client is still sending, and whether the client reads the 413
  // before the reset is down to timing: a test of that could not be deterministic.
  // (The JDK 17 HttpClient hangs on a final answer to Expect: 100-continue, so the exchange is
  // spoken over a plain socket.)
  @Test
  void aBodyOverOneMibIs413BeforeItIsSent() throws IOException {
    String id = uniqueId("big");
    for (String path : List.of("/api/v1/workflows", "/api/v1/workflows/" + id + "/execute")) {
      String answer = headersOnly(path, ONE_MIB + 1);
      assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
      assertTrue(answer.contains("application/problem+json"), answer);
      assertTrue(answer.contains("over the limit of " + ONE_MIB + " bytes"), answer);
    }
    assertEquals(0, workflowRows(id));
  }

  /** Announces a JSON body of {@code length} bytes, sends none of it, and reads the answer. */
  private String headersOnly(String path, long length) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", node.httpPort())) {
      socket.setSoTimeout(10_000);
      String request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/json\r\nContent-Length: " + length + "\r\n"
          + "Expect: 100-continue\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      var answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        int n;
        while ((n = socket.getInputStream().read(buffer)) > 0) {
          answer.write(buffer, 0, n);
          if (answer.toString(StandardCharsets.UTF_8).contains("}")) {
            break;
          }
        }
      } catch (SocketTimeoutException e) {
        // What arrived is the answer.
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void aBodyOfExactlyOneMibIsAccepted() {
    String id = uniqueId("limit");
    Response r = api.post("/api/v1/workflows", bodyOfExactly(id, ONE_MIB));
    assertEquals(201, r.status(), () -> r.body().substring(0, Math.min(300, r.body().length())));
  }

  @Test
  void aTooLargeBodyIsDescribedAsTooLargeNotMalformed() {
    JsonNode problem = assertProblem(api.post("/api/v1/workflows",
        bodyOfExactly(uniqueId("big"), ONE_MIB + 1)), 413);

    assertEquals("https://ordo.dev/problems/content-too-large", problem.get("type").asText());
    String detail = problem.get("detail").asText();
    assertTrue(detail.contains("over the limit of " + ONE_MIB + " bytes"), detail);
    assertFalse(detail.contains("malformed"), detail);
    assertFalse(detail.contains("pekko"), detail);
  }

  @Test
  void unknownRoutesAre404Problems() {
    for (String path : List.of("/api/v1/nothing", "/nope", "/api/v2/workflows",
        "/api/v1/workflows/x/y/z", "/health/deep")) {
      JsonNode problem = assertProblem(api.get(path), 404);
      assertEquals("https://ordo.dev/problems/no-such-route", problem.get("type").asText());
    }
  }

  @Test
  void aWrongMethodIs405WithTheAllowedOnes() {
    Response r = api.delete("/api/v1/workflows");
    assertProblem(r, 405);
    assertEquals(Set.of("GET", "POST"), Set.of(r.header("Allow").split(",\\s*")));

    Response patch = api.send(api.request("/api/v1/workflows/" + uniqueId("x"))
        .method("PATCH", BodyPublishers.noBody()));
    assertProblem(patch, 405);
    assertEquals(Set.of("GET", "PUT", "DELETE"), Set.of(patch.header("Allow").split(",\\s*")));

    Response getCancel = api.get("/api/v1/executions/" + UUID.randomUUID() + "/cancel");
    assertProblem(getCancel, 405);
    assertEquals("POST", getCancel.header("Allow"));
  }

  @Test
  void unknownExecutionsAre404ForWellFormedAndGarbageIds() {
    for (String id : List.of(UUID.randomUUID().toString(), "garbage",
        UUID.randomUUID().toString().toUpperCase())) {
      JsonNode problem = assertProblem(api.get("/api/v1/executions/" + id), 404);
      assertTrue(problem.get("detail").asText().contains(id), problem.toString());
      assertEquals("https://ordo.dev/problems/not-found", problem.get("type").asText());
      assertProblem(api.post("/api/v1/executions/" + id + "/cancel", "{}"), 404);
    }
  }

  @Test
  void unknownWorkflowsAre404OnEveryEndpoint() {
    String id = uniqueId("nowhere");
    assertProblem(api.get("/api/v1/workflows/" + id), 404);
    assertProblem(api.get("/api/v1/workflows/" + id + "?version=1"), 404);
    assertProblem(api.get("/api/v1/workflows/" + id + "/versions"), 404);
    assertProblem(api.delete("/api/v1/workflows/" + id), 404);
    assertProblem(api.put("/api/v1/workflows/" + id, transformWorkflow(id)), 404);
    JsonNode problem = assertProblem(api.post("/api/v1/workflows/" + id + "/execute", "{}"), 404);
    assertTrue(problem.get("detail").asText().contains(id), problem.toString());
    assertEquals(0, workflowRows(id));
  }

  @Test
  void aRequestIdIsGeneratedWhenAbsent() {
    Response first = api.get("/health");
    Response second = api.get("/api/v1/workflows");
    for (Response r : List.of(first, second)) {
      String id = r.header("X-Request-Id");
      assertNotNull(id, "every response carries X-Request-Id");
      assertEquals(id, UUID.fromString(id).toString(), "a UUID");
    }
    assertNotEquals(first.header("X-Request-Id"), second.header("X-Request-Id"));
  }

  @Test
  void aSentRequestIdIsEchoedAndQuotedByProblems() {
    String sent = "trace-" + UUID.randomUUID();
    Response ok = api.send(api.request("/health").header("X-Request-Id", sent).GET());
    assertEquals(sent, ok.header("X-Request-Id"));

    Response missing = api.send(api.request("/api/v1/workflows/" + uniqueId("none"))
        .header("X-Request-Id", sent).GET());
    assertEquals(sent, missing.header("X-Request-Id"));
    assertEquals(sent, assertProblem(missing, 404).get("requestId").asText());

    Response rejected = api.send(api.request("/api/v1/workflows").header("X-Request-Id", sent)
        .DELETE());
    assertEquals(sent, assertProblem(rejected, 405).get("requestId").asText());

    Response invalid = api.send(api.request("/api/v1/workflows?limit=abc")
        .header("X-Request-Id", sent).GET());
    assertEquals(sent, assertProblem(invalid, 400).get("requestId").asText());
  }

  @Test
  void aRequestIdOfUpTo128CharactersIsEchoedALongerOneReplaced() {
    String longest = "r".repeat(128);
    assertEquals(longest, api.send(api.request("/health").header("X-Request-Id", longest).GET())
        .header("X-Request-Id"));

    String tooLong = "r".repeat(129);
    String answered = api.send(api.request("/health").header("X-Request-Id", tooLong).GET())
        .header("X-Request-Id");
    assertEquals(answered, UUID.fromString(answered).toString());
  }

  @Test
  void healthIsUp() {
    Response r = api.get("/health");
    assertEquals(200, r.status());
    assertEquals("UP", r.json().get("status").asText());
  }

  @Test
  void readinessReportsTheDatabaseAndTheClusterUp() {
    Response r = api.get("/health/ready");
    assertEquals(200, r.status(), r.body());
    JsonNode body = r.json();
    assertEquals("UP", body.get("status").asText());
    assertEquals("UP", body.at("/checks/database").asText());
    assertEquals("UP", body.at("/checks/cluster").asText());
  }

  private static HttpRequest.BodyPublisher text(String body) {
    return BodyPublishers.ofString(body);
  }

  /** A valid definition padded with a description to exactly {@code size} bytes. */
  private static String bodyOfExactly(String id, int size) {
    String head = "{\"id\": \"" + id + "\", \"steps\": [{\"id\": \"a\", \"type\": \"DATA_TRANSFORM\","
        + " \"expression\": 1}], \"description\": \"";
    String tail = "\"}";
    String body = head + "x".repeat(size - head.length() - tail.length()) + tail;
    assertEquals(size, body.getBytes(StandardCharsets.UTF_8).length);
    return body;
  }
}
