package io.ordo.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestAgentTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final HttpClient client = HttpClient.newHttpClient();
  private final TestAgent agent = TestAgent.start();

  @AfterEach
  void stop() {
    agent.close();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(agent.url(path))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersHealthAndRefusesUnscriptedPaths() throws Exception {
    assertEquals(200, get("/health").statusCode());
    HttpResponse<String> unknown = get("/nowhere");
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.body().contains("no script for GET /nowhere"), unknown.body());
  }

  @Test
  void playsTheScriptInOrderThenRepeatsTheLastResponse() throws Exception {
    agent.on("/flaky").fail(2, 503).thenRespond(200, "{\"ok\":true}", "X-Extra", "1");
    assertEquals(503, get("/flaky").statusCode());
    assertEquals(503, get("/flaky").statusCode());
    HttpResponse<String> ok = get("/flaky");
    assertEquals(200, ok.statusCode());
    assertEquals("{\"ok\":true}", ok.body());
    assertEquals("application/json", ok.headers().firstValue("content-type").orElseThrow());
    assertEquals("1", ok.headers().firstValue("x-extra").orElseThrow());
    assertEquals(200, get("/flaky").statusCode());
    assertEquals(4, agent.callCount("/flaky"));
  }

  @Test
  void recordsMethodQueryHeadersBodyAndIdempotencyKey() throws Exception {
    agent.on("POST", "/orders").status(201).retryAfter("2");
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
            URI.create(agent.url("/orders?a=1&a=2&b=x%20y")))
        .header("Idempotency-Key", "ex-1:charge").header("X-Trace", "t1")
        .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"A\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(201, response.statusCode());
    assertEquals("2", response.headers().firstValue("retry-after").orElseThrow());

    RecordedCall call = agent.awaitEnded("/orders", 1, WAIT).get(0);
    assertEquals("POST", call.method());
    assertEquals(List.of("1", "2"), call.queryParams().get("a"));
    assertEquals(List.of("x y"), call.queryParams().get("b"));
    assertEquals("t1", call.header("x-trace"));
    assertEquals("A", call.bodyJson().get("sku").asText());
    assertEquals(List.of("ex-1:charge"), agent.idempotencyKeys("/orders"));
    assertEquals(RecordedCall.Outcome.ANSWERED, call.outcome());
  }

  @Test
  void echoesTheRequestAsJson() throws Exception {
    agent.on("/echo").echo();
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
            URI.create(agent.url("/echo?q=1"))).header("X-A", "b")
        .PUT(HttpRequest.BodyPublishers.ofString("plain")).build(),
        HttpResponse.BodyHandlers.ofString());
    String body = response.body();
    assertTrue(body.contains("\"method\":\"PUT\""), body);
    assertTrue(body.contains("\"query\":\"q=1\""), body);
    assertTrue(body.contains("\"x-a\":\"b\""), body);
    assertTrue(body.contains("\"body\":\"plain\""), body);
  }

  @Test
  void aDelayedCallDoesNotHoldUpOthers() throws Exception {
    agent.on("/slow").delay(Duration.ofSeconds(3)).respond(200, "slow");
    agent.on("/fast").respond(200, "fast");
    CompletableFuture<HttpResponse<String>> slow = client.sendAsync(
        HttpRequest.newBuilder(URI.create(agent.url("/slow"))).build(),
        HttpResponse.BodyHandlers.ofString());
    agent.awaitCalls("/slow", 1, WAIT);
    assertEquals("fast", get("/fast").body());
    assertTrue(!slow.isDone());
    assertEquals(RecordedCall.Outcome.PENDING, agent.calls("/slow").get(0).outcome());
    assertEquals("slow", slow.get().body());
  }

  @Test
  void recordsACallWhoseClientHungUpAsAborted() throws Exception {
    agent.on("/slow").delay(Duration.ofMillis(500)).respond(200, "late");
    try (Socket socket = new Socket("127.0.0.1", agent.port())) {
      OutputStream out = socket.getOutputStream();
      out.write("GET /slow HTTP/1.1\r\nHost: x\r\nIdempotency-Key: k\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      agent.awaitCalls("/slow", 1, WAIT);
      socket.setSoLinger(true, 0);
    }
    RecordedCall call = agent.awaitAborted("/slow", 1, WAIT).get(0);
    assertTrue(call.aborted());
    assertEquals("k", call.idempotencyKey());
    assertNull(call.query());
  }
}
