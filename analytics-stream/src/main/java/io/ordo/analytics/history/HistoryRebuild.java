package io.ordo.analytics.history;

import io.ordo.engine.runtime.db.Jdbc;
import io.ordo.engine.runtime.execution.ExecutionTags;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.javadsl.ProjectionManagement;

/**
 * Rebuilds the history from the journal while the cluster runs, and reports how far the
 * projection has come. A rebuild pauses every instance of the projection (each stops after the
 * group it is writing, wherever in the cluster it runs), empties the tables and deletes the
 * offsets in one transaction, then resumes them: with no offset they start from the first event.
 * Pausing first matters: a group committed between the truncation and a plain
 * {@code clearOffset} would be folded twice. The paused flag is stored, so an instance that
 * moves to another node meanwhile stays paused; if a rebuild fails half-way, running it again
 * completes it.
 */
public final class HistoryRebuild {

  /** One bucket's progress: the last event folded (null before the first) and the newest. */
  public record BucketProgress(String key, Long offset, long latest) {
    public boolean caughtUp() {
      return latest == 0 || (offset != null && offset >= latest);
    }
  }

  private final ProjectionManagement management;
  private final Jdbc jdbc;
  private final int buckets;

  public HistoryRebuild(ActorSystem<?> system, Jdbc jdbc, int buckets) {
    this.management = ProjectionManagement.get(system);
    this.jdbc = jdbc;
    this.buckets = buckets;
  }

  /** Completes once every instance has restarted from the beginning; rows then refill. */
  public CompletionStage<Integer> rebuild() {
    return forEachInstance(management::pause)
        .thenCompose(paused -> jdbc.transaction(c -> {
          try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE " + HistoryStore.TABLES);
            s.executeUpdate("DELETE FROM pekko_projection_offset_store WHERE projection_name = '"
                + History.PROJECTION_NAME + "'");
          }
          return null;
        }))
        .thenCompose(cleared -> forEachInstance(management::resume))
        .thenApply(resumed -> buckets);
  }

  public CompletionStage<List<BucketProgress>> progress() {
    return jdbc.query(c -> {
      var progress = new ArrayList<BucketProgress>();
      try (PreparedStatement offset = c.prepareStatement("SELECT current_offset FROM"
              + " pekko_projection_offset_store WHERE projection_name = ? AND projection_key = ?");
          PreparedStatement latest = c.prepareStatement(
              "SELECT coalesce(max(event_id), 0) FROM event_tag WHERE tag = ?")) {
        for (int i = 0; i < buckets; i++) {
          String key = ExecutionTags.PREFIX + i;
          offset.setString(1, History.PROJECTION_NAME);
          offset.setString(2, key);
          Long at = null;
          try (ResultSet rs = offset.executeQuery()) {
            if (rs.next()) {
              at = Long.parseLong(rs.getString(1));
            }
          }
          latest.setString(1, key);
          try (ResultSet rs = latest.executeQuery()) {
            rs.next();
            progress.add(new BucketProgress(key, at, rs.getLong(1)));
          }
        }
      }
      return progress;
    });
  }

  private CompletionStage<Done> forEachInstance(
      Function<ProjectionId, CompletionStage<Done>> operation) {
    var all = new ArrayList<CompletableFuture<Done>>();
    for (int i = 0; i < buckets; i++) {
      all.add(operation.apply(ProjectionId.of(History.PROJECTION_NAME, ExecutionTags.PREFIX + i))
          .toCompletableFuture());
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .thenApply(done -> Done.getInstance());
  }
}
