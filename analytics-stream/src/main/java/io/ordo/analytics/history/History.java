package io.ordo.analytics.history;

import io.ordo.engine.runtime.Engine;
import io.ordo.engine.runtime.projection.TaggedProjections;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The execution history (tables {@code executions}, {@code execution_steps},
 * {@code execution_artifacts}): the {@code history} projection, one instance per tag bucket
 * spread over the cluster, folding the journal into rows about a second behind it. Start it on
 * every node after the engine; the schema must have been migrated ({@code AnalyticsSchema}).
 */
public final class History {

  public static final String PROJECTION_NAME = "history";

  private History() {}

  public static void init(ActorSystem<?> system, Engine engine) {
    HistorySettings settings = HistorySettings.from(system.settings().config());
    TaggedProjections.init(system, PROJECTION_NAME, engine.settings().tagBuckets(),
        engine.jdbc().dataSource(), () -> new HistoryHandler(settings.summaryMaxChars()),
        settings.groupSize(), settings.groupWindow());
  }
}
