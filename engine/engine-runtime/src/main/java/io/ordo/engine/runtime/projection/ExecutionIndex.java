package io.ordo.engine.runtime.projection;

import io.ordo.engine.runtime.EngineSettings;
import io.ordo.engine.runtime.audit.ExecutionAuditHandler;
import io.ordo.engine.runtime.db.Jdbc;
import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import io.ordo.engine.runtime.timers.WakeupIndexHandler;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * The engine's own read side, one projection ({@code execution-index}) per tag bucket: it reads
 * the journal once for both the wake-up index and the audit of execution commands, and writes
 * both in one transaction under one offset. Each event read back costs a query share and a
 * decode, so reading once per bucket instead of once per concern is most of what a projection
 * costs. Both handlers are safe to replay. The history keeps a projection of its own: it is
 * rebuilt on its own, and a fault there must not hold up wake-ups.
 */
public final class ExecutionIndex {

  public static final String PROJECTION_NAME = "execution-index";

  private ExecutionIndex() {}

  public static void init(ActorSystem<?> system, EngineSettings settings, Jdbc jdbc) {
    TaggedProjections.init(system, PROJECTION_NAME, settings.tagBuckets(), jdbc.dataSource(),
        () -> new AllOf(List.of(
            new WakeupIndexHandler(settings.tagBuckets(), settings.livenessInterval()),
            new ExecutionAuditHandler())),
        settings.projectionGroupSize(), Duration.ofMillis(200));
  }

  /** Several handlers over the same envelopes, in order, in the session's one transaction. */
  static final class AllOf
      extends JdbcHandler<List<EventEnvelope<ExecutionEvent>>, PooledJdbcSession> {

    private final List<JdbcHandler<List<EventEnvelope<ExecutionEvent>>, PooledJdbcSession>>
        handlers;

    AllOf(List<JdbcHandler<List<EventEnvelope<ExecutionEvent>>, PooledJdbcSession>> handlers) {
      this.handlers = List.copyOf(handlers);
    }

    @Override
    public void process(PooledJdbcSession session,
        List<EventEnvelope<ExecutionEvent>> envelopes) throws Exception {
      for (var handler : handlers) {
        handler.process(session, envelopes);
      }
    }

    @Override
    public void start() {
      handlers.forEach(JdbcHandler::start);
    }

    @Override
    public void stop() {
      handlers.forEach(JdbcHandler::stop);
    }
  }
}
