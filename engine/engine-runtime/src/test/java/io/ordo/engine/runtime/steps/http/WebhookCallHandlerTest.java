package io.ordo.engine.runtime.steps.http;

import static io.ordo.engine.runtime.steps.http.HttpStepFixture.WAIT;
import static io.ordo.engine.runtime.steps.http.HttpStepFixture.failed;
import static io.ordo.engine.runtime.steps.http.HttpStepFixture.handler;
import static io.ordo.engine.runtime.steps.http.HttpStepFixture.invocation;
import static io.ordo.engine.runtime.steps.http.HttpStepFixture.json;
import static io.ordo.engine.runtime.steps.http.HttpStepFixture.output;
import static io.ordo.engine.runtime.steps.http.HttpStepFixture.run;
import static io.ordo.engine.runtime.steps.http.HttpStepFixture.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.ordo.engine.model.StepDefinition;
import io.ordo.engine.model.StepType;
import io.ordo.engine.runtime.breakers.BreakerGuard;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import io.ordo.engine.runtime.steps.StepHandler;
import io.ordo.engine.runtime.steps.StepOutcome;
import io.ordo.testkit.RecordedCall;
import io.ordo.testkit.TestAgent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** WEBHOOK_CALL over real loopback HTTP: payload, signature, secrets, classification. */
class WebhookCallHandlerTest {

  private static ActorTestKit testKit;

  private final TestAgent receiver = TestAgent.start();
  private final Secrets secrets = new Secrets(
      ConfigFactory.parseString("ordo.secrets { billing-hook = \"whsec_config\" }"),
      Map.of("ORDO_SECRET_ORDERS_HOOK", "whsec_env"));
  private final StepHandler.Async handler = handler(testKit, StepType.WEBHOOK_CALL,
      (w, id) -> CompletableFuture.completedFuture(java.util.Optional.empty()),
      BreakerGuard.NONE, HttpStepFixture.settings(), secrets);

  @BeforeAll
  static void startSystem() {
    testKit = HttpStepFixture.testKit();
  }

  @AfterAll
  static void stopSystem() {
    testKit.shutdownTestKit();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private StepDefinition hook(String extra) {
    return step("{\"id\": \"notify\", \"type\": \"WEBHOOK_CALL\", \"url\": \""
        + receiver.url("/hook") + "\"" + extra + "}");
  }

  @Test
  void postsTheExecutionInputByDefaultWithTheIdempotencyKey() throws Exception {
    receiver.on("/hook").respond(202, "{\"queued\": true}");
    StepOutcome outcome = run(handler, invocation(hook(""), "{\"order\": 42}"));
    assertEquals(202, output(outcome).get("status").asInt());
    assertTrue(output(outcome).get("body").get("queued").asBoolean());

    RecordedCall call = receiver.awaitCalls("/hook", 1, WAIT).get(0);
    assertEquals("POST", call.method());
    assertEquals(json("{\"order\": 42}"), call.bodyJson());
    assertEquals("application/json", call.header("Content-Type"));
    assertEquals("ex-1:notify", call.idempotencyKey());
    assertNull(call.header("X-Ordo-Signature"));
  }

  @Test
  void postsTheTemplatedPayloadAndHeaders() throws Exception {
    receiver.on("/hook").status(200);
    run(handler, invocation(hook(", \"payload\": {\"id\": \"${ .input.order }\","
        + " \"kind\": \"paid\"}, \"headers\": {\"X-Event\": \"order.${ .input.order }\"}"),
        "{\"order\": 42}"));
    RecordedCall call = receiver.awaitCalls("/hook", 1, WAIT).get(0);
    assertEquals(json("{\"id\": 42, \"kind\": \"paid\"}"), call.bodyJson());
    assertEquals("order.42", call.header("X-Event"));
  }

  @Test
  void signsTheExactBodySoTheReceiverCanVerifyIt() throws Exception {
    receiver.on("/hook").status(204);
    long before = Instant.now().getEpochSecond();
    run(handler, invocation(hook(", \"secret\": \"billing-hook\""), "{\"amount\": 9.5}"));
    RecordedCall call = receiver.awaitCalls("/hook", 1, WAIT).get(0);

    String timestamp = call.header("X-Ordo-Timestamp");
    long t = Long.parseLong(timestamp);
    assertTrue(t >= before && t <= Instant.now().getEpochSecond());
    // Recomputed here from first principles, not with the class under test.
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("whsec_config".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
    String expected = HexFormat.of().formatHex(mac.doFinal(call.body()));
    assertEquals("t=" + timestamp + ",v1=" + expected, call.header("X-Ordo-Signature"));
    assertTrue(WebhookSignature.verify("whsec_config", call.header("X-Ordo-Signature"),
        call.body(), Instant.now(), WebhookSignature.DEFAULT_TOLERANCE));
  }

  @Test
  void readsASecretFromTheEnvironment() throws Exception {
    receiver.on("/hook").status(200);
    run(handler, invocation(hook(", \"secret\": \"orders.hook\""), "{}"));
    RecordedCall call = receiver.awaitCalls("/hook", 1, WAIT).get(0);
    assertTrue(WebhookSignature.verify("whsec_env", call.header("X-Ordo-Signature"),
        call.body(), Instant.now(), Duration.ofMinutes(5)));
  }

  @Test
  void aMissingSecretFailsWithoutACallNamingTheSecret() throws Exception {
    StepError error = failed(run(handler,
        invocation(hook(", \"secret\": \"nope\""), "{}"))).error();
    assertEquals(HttpErrorClasses.SECRET_NOT_FOUND, error.errorClass());
    assertFalse(error.retryable());
    assertTrue(error.message().contains("'nope'") && error.message().contains("ORDO_SECRET_NOPE"),
        error.message());
    assertEquals(0, receiver.calls().size());
  }

  @Test
  void aStepHeaderCannotReplaceTheSignature() throws Exception {
    receiver.on("/hook").status(200);
    run(handler, invocation(hook(", \"secret\": \"billing-hook\","
        + " \"headers\": {\"x-ordo-signature\": \"forged\"}"), "{}"));
    RecordedCall call = receiver.awaitCalls("/hook", 1, WAIT).get(0);
    assertEquals(1, call.headers().get("X-Ordo-Signature").size());
    assertTrue(call.header("X-Ordo-Signature").startsWith("t="));
  }

  @Test
  void classifiesLikeAnHttpRequestBehindTheHostsBreaker() throws Exception {
    Map<String, StepOutcome> seen = new ConcurrentHashMap<>();
    BreakerGuard recording = (id, call) -> call.get().thenApply(outcome -> {
      seen.put(id, outcome);
      return outcome;
    });
    StepHandler.Async guarded = handler(testKit, StepType.WEBHOOK_CALL,
        (w, id) -> CompletableFuture.completedFuture(java.util.Optional.empty()), recording,
        HttpStepFixture.settings(), secrets);
    receiver.on("/hook").status(502);
    StepOutcome outcome = run(guarded, invocation(hook(""), "{}"));
    assertEquals(HttpErrorClasses.HTTP_5XX, failed(outcome).error().errorClass());
    assertTrue(failed(outcome).error().retryable());
    assertEquals(Map.of("host:127.0.0.1:" + receiver.port(), outcome), seen);
  }

  @Test
  void aUrlTemplateYieldingANonHttpUrlIsInvalid() throws Exception {
    StepDefinition step = step("""
        {"id": "notify", "type": "WEBHOOK_CALL", "url": "${ .input.target }"}""");
    StepError error = failed(run(handler,
        invocation(step, "{\"target\": \"mailto:ops@example.com\"}"))).error();
    assertEquals(HttpErrorClasses.INVALID_URL, error.errorClass());
  }
}
