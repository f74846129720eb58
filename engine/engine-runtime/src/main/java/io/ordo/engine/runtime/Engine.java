package io.ordo.engine.runtime;

import io.ordo.engine.model.validation.DefinitionParser;
import io.ordo.engine.runtime.agents.AgentDirectory;
import io.ordo.engine.runtime.agents.AgentResolver;
import io.ordo.engine.runtime.agents.AgentSettings;
import io.ordo.engine.runtime.agents.AgentStore;
import io.ordo.engine.runtime.breakers.Breakers;
import io.ordo.engine.runtime.db.Jdbc;
import io.ordo.engine.runtime.definitions.DefinitionRegistry;
import io.ordo.engine.runtime.definitions.DefinitionStore;
import io.ordo.engine.runtime.execution.ExecutionEntity;
import io.ordo.engine.runtime.execution.ExecutionServices;
import io.ordo.engine.runtime.execution.SubWorkflowHandler;
import io.ordo.engine.runtime.live.LiveEvents;
import io.ordo.engine.runtime.metrics.OrdoMetrics;
import io.ordo.engine.runtime.projection.ExecutionIndex;
import io.ordo.engine.runtime.steps.StepHandlers;
import io.ordo.engine.runtime.steps.http.HttpSettings;
import io.ordo.engine.runtime.steps.http.HttpSteps;
import io.ordo.engine.runtime.timers.DurableTimers;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;

/**
 * The engine on one node: execution entities in the cluster's sharding, the durable-timer
 * projection and pollers, the step handlers with their circuit breakers, and the definition and
 * agent stores they share with the API. {@code agentResolver} is the cached view of
 * {@code agents} that HTTP steps use.
 */
public record Engine(EngineSettings settings, Jdbc jdbc, DefinitionStore definitions,
    DefinitionRegistry registry, StepHandlers handlers, DefinitionParser parser, Clock clock,
    AgentStore agents, AgentResolver agentResolver, AgentSettings agentSettings,
    Breakers breakers) {

  public static Engine init(ActorSystem<?> system, DataSource dataSource) throws Exception {
    EngineSettings settings = EngineSettings.from(system.settings().config());
    // Microseconds, as PostgreSQL stores them: a time reads back the same from any table.
    Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    var executor = system.dispatchers().lookup(
        DispatcherSelector.fromConfig("ordo.engine.jdbc-dispatcher"));
    Jdbc jdbc = new Jdbc(dataSource, executor);
    var parser = new DefinitionParser();
    var store = new DefinitionStore(jdbc, clock);
    var registry = new DefinitionRegistry(store, parser, settings.definitionCacheSize());
    var agentSettings = AgentSettings.from(system.settings().config());
    var agents = new AgentStore(jdbc, clock);
    var agentResolver = AgentDirectory.following(agents, agentSettings);
    var breakers = Breakers.start(system, jdbc, clock);
    StepHandlers handlers = StepHandlers.builder()
        .registerAll(StepHandlers.standard())
        .registerAll(HttpSteps.handlers(system, agentResolver, breakers,
            HttpSettings.from(system.settings().config())))
        .register(new SubWorkflowHandler(system, store, registry, settings.askTimeout(),
            settings.subWorkflowPollInterval()))
        .build();
    ExecutionEntity.init(system, new ExecutionServices(settings, registry, handlers, clock));
    DurableTimers.init(system, settings, jdbc, clock);
    // Started now, so every node's relays are subscribed before the first execution publishes.
    LiveEvents live = LiveEvents.get(system);
    ExecutionIndex.init(system, settings, jdbc);
    OrdoMetrics.get(system).watch(breakers::all, jdbc.dataSource(), live::followed);
    return new Engine(settings, jdbc, store, registry, handlers, parser, clock, agents,
        agentResolver, agentSettings, breakers);
  }
}
