package io.ordo.engine.runtime.timers;

import io.ordo.engine.runtime.execution.ExecutionTags;
import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCancelled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCompleted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionFailed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionTimedOut;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepRetryScheduled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepWaiting;
import io.ordo.engine.runtime.projection.PooledJdbcSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * Keeps {@code execution_wakeups}: a row appears when an execution starts (due after one
 * liveness interval), is pulled earlier by every durable timer it arms, and goes when it ends.
 * A group is reduced to its net effect first, so an execution that starts and ends within one
 * group touches no row at all.
 */
public final class WakeupIndexHandler
    extends JdbcHandler<List<EventEnvelope<ExecutionEvent>>, PooledJdbcSession> {

  public static final String PROJECTION_NAME = "wakeup-index";

  private final int buckets;
  private final Duration liveness;

  public WakeupIndexHandler(int buckets, Duration liveness) {
    this.buckets = buckets;
    this.liveness = liveness;
  }

  @Override
  public void process(PooledJdbcSession session, List<EventEnvelope<ExecutionEvent>> envelopes)
      throws Exception {
    var started = new LinkedHashMap<String, Instant>();
    var timers = new LinkedHashMap<String, Instant>();
    var ended = new HashSet<String>();
    for (EventEnvelope<ExecutionEvent> envelope : envelopes) {
      String id = executionId(envelope.persistenceId());
      ExecutionEvent event = envelope.event();
      if (event instanceof ExecutionStarted e) {
        started.put(id, e.at().plus(liveness));
      } else if (event instanceof StepWaiting e && e.dueAt() != null) {
        timers.merge(id, e.dueAt(), WakeupIndexHandler::earlier);
      } else if (event instanceof StepRetryScheduled e) {
        timers.merge(id, e.dueAt(), WakeupIndexHandler::earlier);
      } else if (isEnd(event)) {
        ended.add(id);
      }
    }
    session.withConnection(c -> {
      insert(c, without(started, ended));
      pullEarlier(c, without(timers, ended));
      delete(c, ended);
      return null;
    });
  }

  private void insert(Connection c, Map<String, Instant> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO execution_wakeups"
        + " (execution_id, bucket, wake_at, parked, rev) VALUES (?,?,?,false,0)"
        + " ON CONFLICT (execution_id) DO NOTHING")) {
      for (var row : rows.entrySet()) {
        ps.setString(1, row.getKey());
        ps.setInt(2, ExecutionTags.bucket(row.getKey(), buckets));
        ps.setTimestamp(3, Timestamp.from(row.getValue()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** A new timer can only bring the wake-up forward; {@code rev} tells the poller it moved. */
  private static void pullEarlier(Connection c, Map<String, Instant> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE execution_wakeups"
        + " SET wake_at = LEAST(wake_at, ?), rev = rev + 1 WHERE execution_id = ?")) {
      for (var row : rows.entrySet()) {
        ps.setTimestamp(1, Timestamp.from(row.getValue()));
        ps.setString(2, row.getKey());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void delete(Connection c, Set<String> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM execution_wakeups WHERE execution_id = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("varchar", ids.toArray()));
      ps.executeUpdate();
    }
  }

  static boolean isEnd(ExecutionEvent event) {
    return event instanceof ExecutionCompleted || event instanceof ExecutionFailed
        || event instanceof ExecutionCancelled || event instanceof ExecutionTimedOut;
  }

  static String executionId(String persistenceId) {
    return persistenceId.substring(persistenceId.indexOf('|') + 1);
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static <V> Map<String, V> without(Map<String, V> rows, Set<String> ended) {
    var kept = new LinkedHashMap<>(rows);
    kept.keySet().removeAll(ended);
    return kept;
  }
}
