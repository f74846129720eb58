package io.ordo.engine.runtime.timers;

import io.ordo.engine.runtime.EngineSettings;
import io.ordo.engine.runtime.db.Jdbc;
import io.ordo.engine.runtime.projection.TaggedProjections;
import java.time.Clock;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Durable timers and crash recovery for executions that no node holds in memory: the wake-up
 * index projection keeps {@code execution_wakeups} from the journal, the pollers act on it.
 */
public final class DurableTimers {

  private DurableTimers() {}

  public static void init(ActorSystem<?> system, EngineSettings settings, Jdbc jdbc, Clock clock) {
    TaggedProjections.init(system, WakeupIndexHandler.PROJECTION_NAME, settings.tagBuckets(),
        jdbc.dataSource(),
        () -> new WakeupIndexHandler(settings.tagBuckets(), settings.livenessInterval()),
        settings.projectionGroupSize(), Duration.ofMillis(200));
    WakeupPoller.init(system, settings, jdbc, clock);
  }
}
