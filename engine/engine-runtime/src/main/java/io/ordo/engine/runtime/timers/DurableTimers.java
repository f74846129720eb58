package io.ordo.engine.runtime.timers;

import io.ordo.engine.runtime.EngineSettings;
import io.ordo.engine.runtime.db.Jdbc;
import java.time.Clock;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Durable timers and crash recovery for executions that no node holds in memory: the pollers act
 * on {@code execution_wakeups}, which the {@link io.ordo.engine.runtime.projection.ExecutionIndex}
 * projection keeps from the journal.
 */
public final class DurableTimers {

  private DurableTimers() {}

  public static void init(ActorSystem<?> system, EngineSettings settings, Jdbc jdbc, Clock clock) {
    WakeupPoller.init(system, settings, jdbc, clock);
  }
}
