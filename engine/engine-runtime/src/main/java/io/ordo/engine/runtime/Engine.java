package io.ordo.engine.runtime;

import io.ordo.engine.model.validation.DefinitionParser;
import io.ordo.engine.runtime.db.Jdbc;
import io.ordo.engine.runtime.definitions.DefinitionRegistry;
import io.ordo.engine.runtime.definitions.DefinitionStore;
import io.ordo.engine.runtime.execution.ExecutionEntity;
import io.ordo.engine.runtime.execution.ExecutionServices;
import io.ordo.engine.runtime.steps.StepHandlers;
import io.ordo.engine.runtime.timers.DurableTimers;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;

/**
 * The engine on one node: execution entities in the cluster's sharding, the durable-timer
 * projection and pollers, and the definition store they share with the API.
 */
public record Engine(EngineSettings settings, Jdbc jdbc, DefinitionStore definitions,
    DefinitionRegistry registry, StepHandlers handlers, DefinitionParser parser, Clock clock) {

  public static Engine init(ActorSystem<?> system, DataSource dataSource, StepHandlers handlers) {
    EngineSettings settings = EngineSettings.from(system.settings().config());
    // Microseconds, as PostgreSQL stores them: a time reads back the same from any table.
    Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    var executor = system.dispatchers().lookup(
        DispatcherSelector.fromConfig("ordo.engine.jdbc-dispatcher"));
    Jdbc jdbc = new Jdbc(dataSource, executor);
    var parser = new DefinitionParser();
    var store = new DefinitionStore(jdbc, clock);
    var registry = new DefinitionRegistry(store, parser, settings.definitionCacheSize());
    ExecutionEntity.init(system, new ExecutionServices(settings, registry, handlers, clock));
    DurableTimers.init(system, settings, jdbc, clock);
    return new Engine(settings, jdbc, store, registry, handlers, parser, clock);
  }
}
