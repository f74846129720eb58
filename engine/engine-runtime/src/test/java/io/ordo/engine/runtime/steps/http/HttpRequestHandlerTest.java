package io.ordo.engine.runtime.steps.http;

import static io.ordo.engine.runtime.steps.http.HttpStepFixture.WAIT;
import static io.ordo.engine.runtime.steps.http.HttpStepFixture.failed;
import static io.ordo.engine.runtime.steps.http.HttpStepFixture.handler;
import static io.ordo.engine.runtime.steps.http.HttpStepFixture.invocation;
import static io.ordo.engine.runtime.steps.http.HttpStepFixture.output;
import static io.ordo.engine.runtime.steps.http.HttpStepFixture.run;
import static io.ordo.engine.runtime.steps.http.HttpStepFixture.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import io.ordo.engine.model.StepDefinition;
import io.ordo.engine.model.StepType;
import io.ordo.engine.model.retry.RetryPolicy;
import io.ordo.engine.model.retry.RetryStrategy;
import io.ordo.engine.runtime.agents.AgentEndpoint;
import io.ordo.engine.runtime.agents.AgentResolver;
import io.ordo.engine.runtime.breakers.BreakerGuard;
import io.ordo.engine.runtime.steps.StepHandler;
import io.ordo.engine.runtime.steps.StepOutcome;
import io.ordo.testkit.RecordedCall;
import io.ordo.testkit.TestAgent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP_REQUEST over real loopback HTTP: what is sent, and the output of what comes back. */
class HttpRequestHandlerTest {

  private static ActorTestKit testKit;

  private final TestAgent agent = TestAgent.start();
  private final RetryPolicy agentRetry = new RetryPolicy(RetryStrategy.FIXED, 4,
      Duration.ofSeconds(2), Duration.ofSeconds(2), 2.0, Duration.ofSeconds(2), 0.0, Set.of());
  private final AgentResolver agents = (workspace, id) -> CompletableFuture.completedFuture(
      switch (id) {
        case "inventory" -> Optional.of(new AgentEndpoint(workspace, id, agent.url("/api/"),
            Map.of("Authorization", "Bearer t0ken", "X-Api-Key", "k3y"), null, agentRetry,
            true));
        case "retired" -> Optional.of(new AgentEndpoint(workspace, id, agent.url(), Map.of(),
            null, null, false));
        case "hasty" -> Optional.of(new AgentEndpoint(workspace, id, agent.url(), Map.of(),
            Duration.ofMillis(200), null, true));
        default -> Optional.empty();
      });
  private final StepHandler.Async handler = handler(testKit, StepType.HTTP_REQUEST, agents);

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

  private StepDefinition urlStep(String path) {
    return step("{\"id\": \"call\", \"type\": \"HTTP_REQUEST\", \"request\": {\"url\": \""
        + agent.url(path) + "\"}}");
  }

  @Test
  void outputsStatusLowerCaseHeadersAndAJsonBody() throws Exception {
    agent.on("/stock").respond(200, "{\"qty\": 3}", "X-Request-Id", "r-1");
    JsonNode output = output(run(handler, invocation(urlStep("/stock"), "{}")));
    assertEquals(200, output.get("status").asInt());
    assertEquals("r-1", output.get("headers").get("x-request-id").asText());
    assertEquals("application/json", output.get("headers").get("content-type").asText());
    assertEquals(3, output.get("body").get("qty").asInt());
  }

  @Test
  void outputsATextBodyAsTextAndAnEmptyOneAsNull() throws Exception {
    agent.on("/text").respond(200, "plain words");
    agent.on("/empty").status(204);
    assertEquals("plain words",
        output(run(handler, invocation(urlStep("/text"), "{}"))).get("body").asText());
    JsonNode empty = output(run(handler, invocation(urlStep("/empty"), "{}")));
    assertEquals(204, empty.get("status").asInt());
    assertTrue(empty.get("body").isNull());
  }

  @Test
  void sendsTheTemplatedPathQueryHeadersAndBodyToTheAgentWithItsAuth() throws Exception {
    agent.on("/api/stock/A-1").echo();
    StepDefinition step = step("""
        {"id": "call", "type": "HTTP_REQUEST", "agent": "inventory",
         "request": {"method": "POST", "path": "/stock/${ .input.sku }",
           "query": {"tag": "${ .input.tags }", "n": "${ .input.n }", "q": "a b&c"},
           "headers": {"X-Sku": "${ .input.sku }", "X-Count": "${ .input.n }"},
           "body": {"sku": "${ .input.sku }", "n": "${ .input.n }"}}}""");
    run(handler, invocation(step, "{\"sku\": \"A-1\", \"n\": 2, \"tags\": [\"x\", \"y\"]}"));

    RecordedCall call = agent.awaitCalls("/api/stock/A-1", 1, WAIT).get(0);
    assertEquals("POST", call.method());
    assertEquals(Map.of("tag", List.of("x", "y"), "n", List.of("2"), "q", List.of("a b&c")),
        call.queryParams());
    assertEquals("A-1", call.header("X-Sku"));
    assertEquals("2", call.header("X-Count"));
    assertEquals("Bearer t0ken", call.header("Authorization"));
    assertEquals("k3y", call.header("X-Api-Key"));
    assertEquals("application/json", call.header("Content-Type"));
    assertTrue(call.header("User-Agent").startsWith("ordo/"), call.header("User-Agent"));
    assertEquals(HttpStepFixture.json("{\"sku\": \"A-1\", \"n\": 2}"), call.bodyJson());
    assertEquals("ex-1:call", call.idempotencyKey());
  }

  @Test
  void theAgentsAuthWinsOverAStepHeaderOfTheSameName() throws Exception {
    agent.on("/api/x").echo();
    StepDefinition step = step("""
        {"id": "call", "type": "HTTP_REQUEST", "agent": "inventory",
         "request": {"path": "x", "headers": {"authorization": "Bearer forged"}}}""");
    run(handler, invocation(step, "{}"));
    RecordedCall call = agent.awaitCalls("/api/x", 1, WAIT).get(0);
    assertEquals(List.of("Bearer t0ken"), call.headers().get("Authorization"));
  }

  @Test
  void sendsTheSameIdempotencyKeyOnEveryAttempt() throws Exception {
    agent.on("/flaky").fail(1, 503).thenRespond(200, "{}");
    StepDefinition step = urlStep("/flaky");
    assertTrue(failed(run(handler, invocation(step, "{}", 1, null))).error().retryable());
    assertEquals(200, output(run(handler, invocation(step, "{}", 2, null))).get("status").asInt());
    assertEquals(List.of("ex-1:call", "ex-1:call"), agent.idempotencyKeys("/flaky"));
  }

  @Test
  void aStepMaySetItsOwnIdempotencyKey() throws Exception {
    agent.on("/own").echo();
    StepDefinition step = step("{\"id\": \"call\", \"type\": \"HTTP_REQUEST\", \"request\": {"
        + "\"url\": \"" + agent.url("/own") + "\","
        + "\"headers\": {\"Idempotency-Key\": \"order-${ .input.id }\"}}}");
    run(handler, invocation(step, "{\"id\": 7}"));
    assertEquals(List.of("order-7"), agent.idempotencyKeys("/own"));
  }

  @Test
  void aContentTypeHeaderOfTheStepIsTheBodysType() throws Exception {
    agent.on("/patch").echo();
    StepDefinition step = step("{\"id\": \"call\", \"type\": \"HTTP_REQUEST\", \"request\": {"
        + "\"method\": \"PATCH\", \"url\": \"" + agent.url("/patch") + "\","
        + "\"headers\": {\"Content-Type\": \"application/merge-patch+json\"},"
        + "\"body\": {\"a\": null}}}");
    run(handler, invocation(step, "{}"));
    RecordedCall call = agent.awaitCalls("/patch", 1, WAIT).get(0);
    assertEquals("application/merge-patch+json", call.header("Content-Type"));
    assertEquals("{\"a\":null}", call.bodyText());
  }

  @Test
  void passesTheAgentsRetryPolicyWithAFailure() throws Exception {
    agent.on("/api/down").status(503);
    StepDefinition step = step("""
        {"id": "call", "type": "HTTP_REQUEST", "agent": "inventory",
         "request": {"path": "/down"}}""");
    assertSame(agentRetry, failed(run(handler, invocation(step, "{}"))).retry());
  }

  @Test
  void anAgentCallUsesTheAgentsTimeoutAndBreaker() throws Exception {
    Map<String, StepOutcome> seen = new ConcurrentHashMap<>();
    BreakerGuard recording = (id, call) -> call.get().thenApply(outcome -> {
      seen.put(id, outcome);
      return outcome;
    });
    StepHandler.Async guarded = handler(testKit, StepType.HTTP_REQUEST, agents, recording,
        HttpStepFixture.settings(), new Secrets(ConfigFactory.empty(), Map.of()));
    agent.on("/slow").delay(Duration.ofMillis(1500)).respond(200, "{}");
    StepOutcome outcome = run(guarded, invocation(step("""
        {"id": "call", "type": "HTTP_REQUEST", "agent": "hasty", "request": {"path": "/slow"}}"""),
        "{}"));
    assertEquals(HttpErrorClasses.TIMEOUT, failed(outcome).error().errorClass());
    assertEquals(Map.of("agent:default/hasty", outcome), seen);
    agent.awaitAborted("/slow", 1, WAIT);
  }

  @Test
  void looksTheAgentUpInTheExecutionsWorkspace() throws Exception {
    List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    AgentResolver recording = (workspace, id) -> {
      asked.add(workspace + "/" + id);
      return agents.resolve(workspace, id);
    };
    agent.on("/api/x").status(200);
    var invocation = invocation(step("""
        {"id": "call", "type": "HTTP_REQUEST", "agent": "inventory", "request": {"path": "/x"}}"""),
        "{}");
    ((com.fasterxml.jackson.databind.node.ObjectNode) invocation.context().get("execution"))
        .put("workspaceId", "acme");
    output(run(handler(testKit, StepType.HTTP_REQUEST, recording), invocation));
    assertEquals(List.of("acme/inventory"), asked);
  }

  @Test
  void anUnknownAgentAndADisabledOneFailWithoutACall() throws Exception {
    var unknown = failed(run(handler, invocation(step("""
        {"id": "call", "type": "HTTP_REQUEST", "agent": "nobody", "request": {"path": "/"}}"""),
        "{}")));
    assertEquals(HttpErrorClasses.AGENT_NOT_FOUND, unknown.error().errorClass());
    assertFalse(unknown.error().retryable());
    assertTrue(unknown.error().message().contains("'nobody'"), unknown.error().message());

    var disabled = failed(run(handler, invocation(step("""
        {"id": "call", "type": "HTTP_REQUEST", "agent": "retired", "request": {"path": "/"}}"""),
        "{}")));
    assertEquals(HttpErrorClasses.AGENT_DISABLED, disabled.error().errorClass());
    assertFalse(disabled.error().retryable());
    assertEquals(0, agent.calls().size());
  }

  @Test
  void aUrlThatIsNotAbsoluteHttpIsInvalid() throws Exception {
    StepDefinition step = step("""
        {"id": "call", "type": "HTTP_REQUEST", "request": {"url": "${ .input.url }"}}""");
    for (String url : List.of("ftp://example.com/x", "/relative", "http://exa mple.com/")) {
      var failure = failed(run(handler, invocation(step, "{\"url\": \"" + url + "\"}")));
      assertEquals(HttpErrorClasses.INVALID_URL, failure.error().errorClass(), url);
      assertFalse(failure.error().retryable());
    }
  }

  @Test
  void aTemplateThatFailsIsAnExpressionFailure() throws Exception {
    StepDefinition step = step("""
        {"id": "call", "type": "HTTP_REQUEST", "request": {"url": "${ .input.n }"}}""");
    var failure = failed(run(handler, invocation(step, "{\"n\": 1}")));
    assertEquals(HttpErrorClasses.EXPRESSION_FAILED, failure.error().errorClass());
    assertFalse(failure.error().retryable());

    StepDefinition badBody = step("{\"id\": \"call\", \"type\": \"HTTP_REQUEST\", \"request\": {"
        + "\"url\": \"" + agent.url("/x") + "\", \"body\": \"${ error(\\\"boom\\\") }\"}}");
    assertEquals(HttpErrorClasses.EXPRESSION_FAILED,
        failed(run(handler, invocation(badBody, "{}"))).error().errorClass());
  }
}
