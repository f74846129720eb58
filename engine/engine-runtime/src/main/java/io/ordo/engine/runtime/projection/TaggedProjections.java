package io.ordo.engine.runtime.projection;

import io.ordo.engine.runtime.execution.ExecutionTags;
import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;

/**
 * Runs a projection over the execution events as one instance per tag bucket, spread over the
 * cluster by a sharded daemon process. Each instance processes groups of envelopes and stores its
 * offset in the transaction of the rows it writes, so it is exactly-once and restartable.
 */
public final class TaggedProjections {

  private TaggedProjections() {}

  public static void init(ActorSystem<?> system, String name, int buckets, DataSource dataSource,
      Supplier<JdbcHandler<List<EventEnvelope<ExecutionEvent>>, PooledJdbcSession>> handler,
      int groupSize, Duration groupWindow) {
    ShardedDaemonProcess.get(system).init(ProjectionBehavior.Command.class, name, buckets,
        bucket -> ProjectionBehavior.create(JdbcProjection.groupedWithin(
                ProjectionId.of(name, ExecutionTags.PREFIX + bucket),
                source(system, ExecutionTags.PREFIX + bucket),
                () -> new PooledJdbcSession(dataSource),
                handler,
                system)
            .withGroup(groupSize, groupWindow)),
        ShardedDaemonProcessSettings.create(system),
        Optional.of(ProjectionBehavior.stopMessage()));
  }

  private static SourceProvider<Offset, EventEnvelope<ExecutionEvent>> source(
      ActorSystem<?> system, String tag) {
    return EventSourcedProvider.eventsByTag(system, JdbcReadJournal.Identifier(), tag);
  }
}
