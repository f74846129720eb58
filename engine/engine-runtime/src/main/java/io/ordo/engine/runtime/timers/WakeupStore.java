package io.ordo.engine.runtime.timers;

import io.ordo.engine.runtime.db.Jdbc;
import io.ordo.engine.runtime.execution.WakeUpReply;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The poller's side of {@code execution_wakeups}: what is due, and what executions answered. */
final class WakeupStore {

  /** A due row as read: {@code rev} guards the write-back. */
  record Due(String executionId, long rev) {}

  /** An execution's answer to a wake-up, or null when it did not answer in time. */
  record Answer(Due due, WakeUpReply reply) {}

  // Far enough never to come, near enough for every timestamp type on the way.
  static final Instant NEVER = Instant.parse("9999-01-01T00:00:00Z");

  private final Jdbc jdbc;

  WakeupStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  CompletionStage<List<Due>> due(int bucket, Instant now, int limit) {
    return jdbc.query(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT execution_id, rev FROM"
          + " execution_wakeups WHERE bucket = ? AND wake_at <= ? ORDER BY wake_at LIMIT ?")) {
        ps.setInt(1, bucket);
        ps.setTimestamp(2, Timestamp.from(now));
        ps.setInt(3, limit);
        var due = new ArrayList<Due>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            due.add(new Due(rs.getString(1), rs.getLong(2)));
          }
        }
        return due;
      }
    });
  }

  /** Makes every execution of the bucket that was running due now: its node may be gone. */
  CompletionStage<Integer> sweep(int bucket, Instant now) {
    return jdbc.query(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE execution_wakeups SET wake_at = ?"
          + " WHERE bucket = ? AND NOT parked AND wake_at > ?")) {
        ps.setTimestamp(1, Timestamp.from(now));
        ps.setInt(2, bucket);
        ps.setTimestamp(3, Timestamp.from(now));
        return ps.executeUpdate();
      }
    });
  }

  /**
   * Writes the answers back, each only if the projection has not moved its row meanwhile; a row
   * that moved stays due and is asked again.
   */
  CompletionStage<Integer> record(List<Answer> answers, Instant now, Duration retryAfter) {
    return jdbc.transaction(c -> {
      try (PreparedStatement delete = c.prepareStatement(
              "DELETE FROM execution_wakeups WHERE execution_id = ? AND rev = ?");
          PreparedStatement update = c.prepareStatement("UPDATE execution_wakeups"
              + " SET wake_at = ?, parked = ? WHERE execution_id = ? AND rev = ?")) {
        for (Answer answer : answers) {
          WakeUpReply reply = answer.reply();
          if (reply != null && reply.ended()) {
            delete.setString(1, answer.due().executionId());
            delete.setLong(2, answer.due().rev());
            delete.addBatch();
            continue;
          }
          Instant next = reply == null ? now.plus(retryAfter)
              : reply.nextWakeAt() == null ? NEVER : reply.nextWakeAt();
          update.setTimestamp(1, Timestamp.from(next));
          update.setBoolean(2, reply != null && reply.parked());
          update.setString(3, answer.due().executionId());
          update.setLong(4, answer.due().rev());
          update.addBatch();
        }
        delete.executeBatch();
        update.executeBatch();
      }
      return answers.size();
    });
  }
}
