package io.ordo.engine.runtime.timers;

import io.ordo.engine.runtime.execution.ExecutionTags;
import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCancelled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCompleted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionFailed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionParked;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionResumed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionRetried;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionTimedOut;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.SignalReceived;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepRetryScheduled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepWaiting;
import io.ordo.engine.runtime.projection.ExecutionIndex;
import io.ordo.engine.runtime.projection.PooledJdbcSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * Keeps {@code execution_wakeups} (part of the {@link ExecutionIndex} projection): one row per execution that has not ended, with when it next
 * needs waking should no node hold it. Anything that starts work (a start, a retry, a step
 * dispatched, a resume, a signal) brings the wake-up within one liveness interval and marks the
 * row as not parked; a durable timer brings it to its due time; {@link ExecutionParked} (nothing
 * runs any more) sets it to the execution's earliest timer and marks it parked, so a waiting
 * execution is not woken for a liveness check; the end deletes the row. A group of events is
 * reduced to its net effect per execution first, so an execution that starts and ends within one
 * group touches no row at all.
 */
public final class WakeupIndexHandler
    extends JdbcHandler<List<EventEnvelope<ExecutionEvent>>, PooledJdbcSession> {

  /** The net effect of a group on one execution's row. */
  private static final class Change {
    Instant wakeAt;
    boolean active;
    boolean ended;
    /** An {@link ExecutionParked} was seen: the row is set, not merged with what it held. */
    boolean settled;

    void wakeBy(Instant at) {
      wakeAt = wakeAt == null || at.isBefore(wakeAt) ? at : wakeAt;
    }

    void parked(Instant until) {
      settled = true;
      active = false;
      ended = false;
      wakeAt = until == null ? WakeupStore.NEVER : until;
    }
  }

  private final int buckets;
  private final Duration liveness;

  public WakeupIndexHandler(int buckets, Duration liveness) {
    this.buckets = buckets;
    this.liveness = liveness;
  }

  @Override
  public void process(PooledJdbcSession session, List<EventEnvelope<ExecutionEvent>> envelopes)
      throws Exception {
    var changes = new LinkedHashMap<String, Change>();
    for (EventEnvelope<ExecutionEvent> envelope : envelopes) {
      ExecutionEvent event = envelope.event();
      Change change = changes.computeIfAbsent(executionId(envelope.persistenceId()),
          id -> new Change());
      if (isEnd(event)) {
        change.ended = true;
      } else if (startsWork(event)) {
        change.ended = false;
        change.active = true;
        change.wakeBy(event.at().plus(liveness));
      } else if (event instanceof ExecutionParked e) {
        change.parked(e.until());
      } else if (event instanceof StepWaiting e && e.dueAt() != null) {
        change.wakeBy(e.dueAt());
      } else if (event instanceof StepRetryScheduled e) {
        change.wakeBy(e.dueAt());
      }
    }
    session.withConnection(c -> {
      write(c, changes);
      return null;
    });
  }

  private void write(Connection c, Map<String, Change> changes) throws SQLException {
    try (PreparedStatement merge = c.prepareStatement("INSERT INTO execution_wakeups"
            + " (execution_id, bucket, wake_at, parked, rev) VALUES (?,?,?,false,0)"
            + " ON CONFLICT (execution_id) DO UPDATE SET"
            + " wake_at = LEAST(execution_wakeups.wake_at, EXCLUDED.wake_at),"
            + " parked = execution_wakeups.parked AND NOT ?,"
            + " rev = execution_wakeups.rev + 1");
        PreparedStatement set = c.prepareStatement("INSERT INTO execution_wakeups"
            + " (execution_id, bucket, wake_at, parked, rev) VALUES (?,?,?,?,0)"
            + " ON CONFLICT (execution_id) DO UPDATE SET wake_at = EXCLUDED.wake_at,"
            + " parked = EXCLUDED.parked, rev = execution_wakeups.rev + 1");
        PreparedStatement delete = c.prepareStatement(
            "DELETE FROM execution_wakeups WHERE execution_id = ?")) {
      for (var entry : changes.entrySet()) {
        Change change = entry.getValue();
        if (change.ended) {
          delete.setString(1, entry.getKey());
          delete.addBatch();
        } else if (change.settled) {
          row(set, entry.getKey(), change.wakeAt);
          set.setBoolean(4, !change.active);
          set.addBatch();
        } else if (change.wakeAt != null) {
          row(merge, entry.getKey(), change.wakeAt);
          merge.setBoolean(4, change.active);
          merge.addBatch();
        }
      }
      merge.executeBatch();
      set.executeBatch();
      delete.executeBatch();
    }
  }

  private void row(PreparedStatement ps, String executionId, Instant wakeAt)
      throws SQLException {
    ps.setString(1, executionId);
    ps.setInt(2, ExecutionTags.bucket(executionId, buckets));
    ps.setTimestamp(3, Timestamp.from(wakeAt));
  }

  private static boolean startsWork(ExecutionEvent event) {
    return event instanceof ExecutionStarted || event instanceof ExecutionRetried
        || event instanceof StepStarted || event instanceof ExecutionResumed
        || event instanceof SignalReceived;
  }

  static boolean isEnd(ExecutionEvent event) {
    return event instanceof ExecutionCompleted || event instanceof ExecutionFailed
        || event instanceof ExecutionCancelled || event instanceof ExecutionTimedOut;
  }

  static String executionId(String persistenceId) {
    return persistenceId.substring(persistenceId.indexOf('|') + 1);
  }
}
