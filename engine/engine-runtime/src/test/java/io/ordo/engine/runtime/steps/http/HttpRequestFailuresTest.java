package io.ordo.engine.runtime.steps.http;

import static io.ordo.engine.runtime.steps.http.HttpStepFixture.WAIT;
import static io.ordo.engine.runtime.steps.http.HttpStepFixture.await;
import static io.ordo.engine.runtime.steps.http.HttpStepFixture.failed;
import static io.ordo.engine.runtime.steps.http.HttpStepFixture.handler;
import static io.ordo.engine.runtime.steps.http.HttpStepFixture.invocation;
import static io.ordo.engine.runtime.steps.http.HttpStepFixture.run;
import static io.ordo.engine.runtime.steps.http.HttpStepFixture.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.ordo.engine.model.StepDefinition;
import io.ordo.engine.model.StepType;
import io.ordo.engine.runtime.agents.AgentResolver;
import io.ordo.engine.runtime.breakers.BreakerGuard;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import io.ordo.engine.runtime.steps.StepCall;
import io.ordo.engine.runtime.steps.StepHandler;
import io.ordo.engine.runtime.steps.StepOutcome;
import io.ordo.testkit.TestAgent;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How HTTP_REQUEST classifies every way a call can go wrong, and how it stops a call. */
class HttpRequestFailuresTest {

  private static ActorTestKit testKit;

  private final TestAgent agent = TestAgent.start();
  private final AgentResolver noAgents =
      (workspace, id) -> CompletableFuture.completedFuture(Optional.empty());
  private final StepHandler.Async handler = handler(testKit, StepType.HTTP_REQUEST, noAgents);

  @BeforeAll
  static void startSystem() {
    testKit = HttpStepFixture.testKit();
  }

  @AfterAll
  static void stopSystem() {
    testKit.shutdownTestKit();
  }

  @AfterEach
  void stopAgent() {
    agent.close();
  }

  private StepDefinition urlStep(String path, String extra) {
    return step("{\"id\": \"call\", \"type\": \"HTTP_REQUEST\", \"request\": {\"url\": \""
        + agent.url(path) + "\"}" + extra + "}");
  }

  private StepError error(String path, String extra) throws Exception {
    return failed(run(handler, invocation(urlStep(path, extra), "{}"))).error();
  }

  @Test
  void a5xxIsRetryableWithStatusAndBodyInTheDetails() throws Exception {
    agent.on("/down").respond(503, "{\"error\": \"maintenance\"}");
    StepError error = error("/down", "");
    assertEquals(HttpErrorClasses.HTTP_5XX, error.errorClass());
    assertTrue(error.retryable());
    assertEquals(503, error.details().get("status").asInt());
    assertEquals("{\"error\": \"maintenance\"}", error.details().get("body").asText());
    assertTrue(error.message().contains("503"), error.message());
  }

  @Test
  void theBodyInTheDetailsIsCutAtTwoKibibytes() throws Exception {
    agent.on("/verbose").respond(500, "e".repeat(5000));
    StepError error = error("/verbose", "");
    assertEquals(2048, error.details().get("body").asText().length());
    assertTrue(error.details().get("bodyTruncated").asBoolean());
  }

  @Test
  void a4xxIsNotRetryableUnlessTheStepListsItInRetryOn() throws Exception {
    agent.on("/conflict").status(409);
    StepError plain = error("/conflict", "");
    assertEquals(HttpErrorClasses.HTTP_4XX, plain.errorClass());
    assertFalse(plain.retryable());
    assertEquals(409, plain.details().get("status").asInt());

    StepError listed = error("/conflict", ", \"retryOn\": [409]");
    assertEquals(HttpErrorClasses.HTTP_4XX, listed.errorClass());
    assertTrue(listed.retryable());
  }

  @Test
  void a429IsRetryableNotBeforeItsRetryAfterSeconds() throws Exception {
    agent.on("/busy").status(429).retryAfter("7");
    var failure = failed(run(handler, invocation(urlStep("/busy", ""), "{}")));
    assertEquals(HttpErrorClasses.HTTP_429, failure.error().errorClass());
    assertTrue(failure.error().retryable());
    assertEquals(Duration.ofSeconds(7), failure.retryAfter());
  }

  @Test
  void a429RetryAfterMayBeAnHttpDate() throws Exception {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        Instant.now().plusSeconds(120).atOffset(ZoneOffset.UTC));
    agent.on("/busy").status(429).retryAfter(date);
    Duration wait = failed(run(handler, invocation(urlStep("/busy", ""), "{}"))).retryAfter();
    assertTrue(wait.compareTo(Duration.ofSeconds(100)) > 0
        && wait.compareTo(Duration.ofSeconds(121)) <= 0, wait.toString());
  }

  @Test
  void a408IsRetryable() throws Exception {
    agent.on("/slowpoke").status(408);
    StepError error = error("/slowpoke", "");
    assertEquals(HttpErrorClasses.HTTP_408, error.errorClass());
    assertTrue(error.retryable());
  }

  @Test
  void aRedirectIsNotFollowed() throws Exception {
    agent.on("/moved").respond(302, "", "Location", agent.url("/elsewhere"));
    StepError error = error("/moved", "");
    assertEquals(HttpErrorClasses.HTTP_3XX, error.errorClass());
    assertFalse(error.retryable());
    assertEquals(0, agent.callCount("/elsewhere"));
  }

  @Test
  void aRefusedConnectionIsARetryableConnectionFailure() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    StepDefinition step = step("{\"id\": \"call\", \"type\": \"HTTP_REQUEST\", \"request\": "
        + "{\"url\": \"http://127.0.0.1:" + port + "/x\"}}");
    StepError error = failed(run(handler, invocation(step, "{}"))).error();
    assertEquals(HttpErrorClasses.CONNECTION_FAILED, error.errorClass());
    assertTrue(error.retryable());
  }

  @Test
  void aResponseOverTheLimitIsNotRetryable() throws Exception {
    StepHandler.Async small = handler(testKit, StepType.HTTP_REQUEST, noAgents,
        BreakerGuard.NONE, HttpStepFixture.settings().withMaxResponseBytes(100),
        new Secrets(ConfigFactory.empty(), Map.of()));
    agent.on("/big").respond(200, "{\"data\": \"" + "x".repeat(500) + "\"}");
    StepError error = failed(run(small, invocation(urlStep("/big", ""), "{}"))).error();
    assertEquals(HttpErrorClasses.HTTP_RESPONSE_TOO_LARGE, error.errorClass());
    assertFalse(error.retryable());
  }

  @Test
  void theDeadlineClosesTheConnectionAndIsARetryableTimeout() throws Exception {
    agent.on("/slow").delay(Duration.ofMillis(1500)).respond(200, "{}");
    var failure = failed(run(handler,
        invocation(urlStep("/slow", ""), "{}", 1, Duration.ofMillis(200))));
    assertEquals(HttpErrorClasses.TIMEOUT, failure.error().errorClass());
    assertTrue(failure.error().retryable());
    assertTrue(agent.awaitAborted("/slow", 1, WAIT).get(0).aborted());
  }

  @Test
  void theDefaultTimeoutAppliesWhenTheStepHasNone() throws Exception {
    StepHandler.Async quick = handler(testKit, StepType.HTTP_REQUEST, noAgents,
        BreakerGuard.NONE, HttpStepFixture.settings().withDefaultTimeout(Duration.ofMillis(200)),
        new Secrets(ConfigFactory.empty(), Map.of()));
    agent.on("/slow").delay(Duration.ofMillis(1500)).respond(200, "{}");
    var failure = failed(run(quick, invocation(urlStep("/slow", ""), "{}")));
    assertEquals(HttpErrorClasses.TIMEOUT, failure.error().errorClass());
    agent.awaitAborted("/slow", 1, WAIT);
  }

  @Test
  void abortClosesTheConnectionOfTheRunningAttempt() throws Exception {
    agent.on("/slow").delay(Duration.ofMillis(1500)).respond(200, "{}");
    StepCall call = handler.start(invocation(urlStep("/slow", ""), "{}"));
    agent.awaitCalls("/slow", 1, WAIT);
    call.abort().run();
    assertEquals(HttpErrorClasses.ABORTED, failed(await(call)).error().errorClass());
    agent.awaitAborted("/slow", 1, WAIT);
  }

  @Test
  void anOpenBreakerDefersTheAttemptWithoutACall() throws Exception {
    Instant until = Instant.parse("2030-01-01T00:00:00Z");
    BreakerGuard open = (id, call) ->
        CompletableFuture.completedFuture(new StepOutcome.Deferred(until, "breaker " + id));
    StepHandler.Async guarded = handler(testKit, StepType.HTTP_REQUEST, noAgents, open,
        HttpStepFixture.settings(), new Secrets(ConfigFactory.empty(), Map.of()));
    StepOutcome outcome = run(guarded, invocation(urlStep("/x", ""), "{}"));
    assertEquals(new StepOutcome.Deferred(until, "breaker host:127.0.0.1:" + agent.port()),
        outcome);
    assertEquals(0, agent.calls().size());
  }

  @Test
  void theBreakerSeesEveryOutcomeUnderTheHostsId() throws Exception {
    Map<String, StepOutcome> seen = new java.util.concurrent.ConcurrentHashMap<>();
    BreakerGuard recording = (id, call) -> call.get().thenApply(outcome -> {
      seen.put(id, outcome);
      return outcome;
    });
    StepHandler.Async guarded = handler(testKit, StepType.HTTP_REQUEST, noAgents, recording,
        HttpStepFixture.settings(), new Secrets(ConfigFactory.empty(), Map.of()));
    agent.on("/down").status(500);
    StepDefinition step = step("{\"id\": \"call\", \"type\": \"HTTP_REQUEST\", \"request\": "
        + "{\"url\": \"http://LOCALHOST:" + agent.port() + "/down\"}}");
    StepOutcome outcome = run(guarded, invocation(step, "{}"));
    assertEquals(Map.of("host:localhost:" + agent.port(), outcome), seen);
    assertNull(((StepOutcome.Failed) outcome).retry());
  }
}
