package io.ordo.engine.runtime.steps.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.ordo.testkit.RecordedCall;
import io.ordo.testkit.TestAgent;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client over real loopback HTTP. The abort tests are the evidence that a deadline or
 * {@code abort()} closes the connection: the agent finds its client gone when it answers.
 */
class OutboundHttpTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private static ActorTestKit testKit;
  private static OutboundHttp http;

  private final TestAgent agent = TestAgent.start();

  @BeforeAll
  static void startSystem() {
    testKit = ActorTestKit.create(ConfigFactory.load());
    http = new OutboundHttp(testKit.system(),
        HttpSettings.from(ConfigFactory.load()).withMaxResponseBytes(1024));
  }

  @AfterAll
  static void stopSystem() {
    testKit.shutdownTestKit();
  }

  @AfterEach
  void stopAgent() {
    agent.close();
  }

  private OutboundRequest get(String path) {
    return new OutboundRequest("GET", URI.create(agent.url(path)), List.of(), null, null);
  }

  private static HttpResult await(OutboundHttp.Exchange exchange) throws Exception {
    return exchange.result().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void aDeadlineClosesTheConnectionSoTheServerSeesTheClientGo() throws Exception {
    agent.on("/slow").delay(Duration.ofMillis(1500)).respond(200, "{}");
    HttpResult result = await(http.send(get("/slow"), Duration.ofMillis(200)));
    assertEquals(new HttpResult.TimedOut(Duration.ofMillis(200)), result);
    RecordedCall call = agent.awaitAborted("/slow", 1, WAIT).get(0);
    assertTrue(call.aborted());
  }

  @Test
  void abortClosesTheConnectionOfACallInFlight() throws Exception {
    agent.on("/slow").delay(Duration.ofMillis(1500)).respond(200, "{}");
    OutboundHttp.Exchange exchange = http.send(get("/slow"), Duration.ofSeconds(30));
    agent.awaitCalls("/slow", 1, WAIT);
    exchange.abort().run();
    exchange.abort().run();
    assertInstanceOf(HttpResult.Aborted.class, await(exchange));
    agent.awaitAborted("/slow", 1, WAIT);
  }

  @Test
  void keepsTheConnectionForTheNextCallAndDropsAnAbortedOne() throws Exception {
    agent.on("/a").respond(200, "{\"n\":1}");
    agent.on("/slow").delay(Duration.ofMillis(1000)).respond(200, "{}");
    assertInstanceOf(HttpResult.Response.class, await(http.send(get("/a"), WAIT)));
    assertInstanceOf(HttpResult.Response.class, await(http.send(get("/a"), WAIT)));
    List<RecordedCall> calls = agent.calls("/a");
    assertEquals(calls.get(0).clientPort(), calls.get(1).clientPort());

    await(http.send(get("/slow"), Duration.ofMillis(100)));
    agent.awaitAborted("/slow", 1, WAIT);
    assertInstanceOf(HttpResult.Response.class, await(http.send(get("/a"), WAIT)));
    int slowPort = agent.calls("/slow").get(0).clientPort();
    assertNotEquals(slowPort, agent.calls("/a").get(2).clientPort());
  }

  @Test
  void aResponseAskingToCloseIsNotReused() throws Exception {
    agent.on("/bye").respond(200, "{}", "Connection", "close");
    await(http.send(get("/bye"), WAIT));
    await(http.send(get("/bye"), WAIT));
    List<RecordedCall> calls = agent.awaitEnded("/bye", 2, WAIT);
    assertNotEquals(calls.get(0).clientPort(), calls.get(1).clientPort());
  }

  @Test
  void aBodyOverTheLimitFailsAndLeavesTheClientUsable() throws Exception {
    agent.on("/big").respond(200, "x".repeat(4096));
    agent.on("/small").respond(200, "ok");
    assertEquals(new HttpResult.TooLarge(200, 1024), await(http.send(get("/big"), WAIT)));
    var small = (HttpResult.Response) await(http.send(get("/small"), WAIT));
    assertEquals("ok", new String(small.body()));
  }

  @Test
  void readsStatusHeadersAndBody() throws Exception {
    agent.on("/json").respond(201, "{\"a\":1}", "X-Request-Id", "r-1");
    var response = (HttpResult.Response) await(http.send(get("/json"), WAIT));
    assertEquals(201, response.status());
    assertEquals("application/json", response.mediaType());
    assertEquals("r-1", response.headers().get("x-request-id"));
    assertEquals("{\"a\":1}", new String(response.body()));
  }

  @Test
  void aHeadResponseHasNoBody() throws Exception {
    agent.on("/head").respond(200, "{\"ignored\":true}");
    var request = new OutboundRequest("HEAD", URI.create(agent.url("/head")), List.of(), null,
        null);
    var response = (HttpResult.Response) await(http.send(request, WAIT));
    assertEquals(200, response.status());
    assertEquals(0, response.body().length);
    assertInstanceOf(HttpResult.Response.class, await(http.send(get("/head"), WAIT)));
  }

  @Test
  void aRefusedConnectionIsAConnectionFailure() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var request = new OutboundRequest("GET", URI.create("http://127.0.0.1:" + port + "/x"),
        List.of(), null, null);
    HttpResult result = await(http.send(request, WAIT));
    assertInstanceOf(HttpResult.ConnectionFailed.class, result);
  }

  @Test
  void aHeaderWithALineBreakIsRefusedBeforeAnythingIsSent() throws Exception {
    var request = new OutboundRequest("GET", URI.create(agent.url("/x")),
        List.of(Map.entry("X-Evil", "a\r\nHost: elsewhere")), null, null);
    assertInstanceOf(HttpResult.Invalid.class, await(http.send(request, WAIT)));
    assertEquals(0, agent.callCount("/x"));
  }
}
