package io.ordo.engine.runtime.steps.http;

import io.ordo.engine.runtime.agents.AgentResolver;
import io.ordo.engine.runtime.breakers.BreakerGuard;
import io.ordo.engine.runtime.steps.StepHandlers;
import java.time.Clock;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The HTTP step handlers, HTTP_REQUEST and WEBHOOK_CALL, sharing one {@link OutboundHttp}
 * (so one connection pool) per call of {@link #handlers}: build them once per node.
 */
public final class HttpSteps {

  private HttpSteps() {}

  /** With secrets from the system's configuration and the environment. */
  public static StepHandlers handlers(ActorSystem<?> system, AgentResolver agents,
      BreakerGuard breakers, HttpSettings settings) {
    return handlers(system, agents, breakers, settings,
        Secrets.from(system.settings().config()), Clock.systemUTC());
  }

  public static StepHandlers handlers(ActorSystem<?> system, AgentResolver agents,
      BreakerGuard breakers, HttpSettings settings, Secrets secrets, Clock clock) {
    OutboundHttp http = new OutboundHttp(system, settings);
    HttpCallRunner runner = new HttpCallRunner(breakers, http, clock);
    return StepHandlers.builder()
        .register(new HttpRequestHandler(agents, runner, settings))
        .register(new WebhookCallHandler(runner, settings, secrets, clock))
        .build();
  }
}
