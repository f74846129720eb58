package io.ordo.engine.runtime.steps.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.ConfigFactory;
import io.ordo.engine.model.Json;
import io.ordo.engine.model.StepDefinition;
import io.ordo.engine.model.StepType;
import io.ordo.engine.model.validation.DefinitionParser;
import io.ordo.engine.model.validation.ParseResult;
import io.ordo.engine.runtime.agents.AgentResolver;
import io.ordo.engine.runtime.breakers.BreakerGuard;
import io.ordo.engine.runtime.steps.StepCall;
import io.ordo.engine.runtime.steps.StepHandler;
import io.ordo.engine.runtime.steps.StepInvocation;
import io.ordo.engine.runtime.steps.StepOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;

/** Builds handlers over a test actor system, and invocations from small workflow documents. */
final class HttpStepFixture {

  static final Duration WAIT = Duration.ofSeconds(10);

  private HttpStepFixture() {}

  static ActorTestKit testKit() {
    return ActorTestKit.create(ConfigFactory.load());
  }

  static HttpSettings settings() {
    return HttpSettings.from(ConfigFactory.load());
  }

  static StepHandler.Async handler(ActorTestKit testKit, StepType type, AgentResolver agents,
      BreakerGuard breakers, HttpSettings settings, Secrets secrets) {
    return (StepHandler.Async) HttpSteps.handlers(testKit.system(), agents, breakers, settings,
        secrets, Clock.systemUTC()).get(type).orElseThrow();
  }

  static StepHandler.Async handler(ActorTestKit testKit, StepType type, AgentResolver agents) {
    return handler(testKit, type, agents, BreakerGuard.NONE, settings(),
        new Secrets(ConfigFactory.empty(), Map.of()));
  }

  /** The only step of a workflow whose {@code steps} array is {@code [stepJson]}. */
  static StepDefinition step(String stepJson) {
    ParseResult result = new DefinitionParser().parse(
        "{\"id\": \"wf\", \"steps\": [" + stepJson + "]}");
    if (result instanceof ParseResult.Invalid invalid) {
      throw new IllegalArgumentException(invalid.violations().toString());
    }
    return ((ParseResult.Valid) result).definition().steps().get(0);
  }

  static StepInvocation invocation(StepDefinition step, String inputJson, int attempt,
      Duration timeout) {
    ObjectNode context = Json.mapper().createObjectNode();
    context.set("input", json(inputJson));
    context.putObject("steps");
    context.putObject("execution").put("id", "ex-1").put("workflowId", "wf").put("version", 1);
    return new StepInvocation("ex-1", step.id(), null, attempt, step, context,
        StepInvocation.idempotencyKey("ex-1", step.id(), null), timeout);
  }

  static StepInvocation invocation(StepDefinition step, String inputJson) {
    return invocation(step, inputJson, 1, null);
  }

  static StepOutcome await(StepCall call) throws Exception {
    return call.outcome().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  static StepOutcome run(StepHandler.Async handler, StepInvocation invocation) throws Exception {
    return await(handler.start(invocation));
  }

  static StepOutcome.Failed failed(StepOutcome outcome) {
    if (outcome instanceof StepOutcome.Failed failed) {
      return failed;
    }
    throw new AssertionError("expected a failure, got " + outcome);
  }

  static JsonNode output(StepOutcome outcome) {
    if (outcome instanceof StepOutcome.Succeeded succeeded) {
      return succeeded.output();
    }
    throw new AssertionError("expected a success, got " + outcome);
  }

  static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
