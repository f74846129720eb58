package io.ordo.testkit;

import io.ordo.testkit.RecordedCall.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every call a {@link TestAgent} received, in arrival order. Waiting is on a monitor that each
 * change signals, so tests wait exactly as long as the calls take and never sleep.
 */
final class CallLog {

  /** A call whose outcome is filled in once the agent has tried to answer. */
  static final class Entry {
    final RecordedCall received;
    Outcome outcome = Outcome.PENDING;

    Entry(RecordedCall received) {
      this.received = received;
    }

    RecordedCall snapshot() {
      RecordedCall r = received;
      return new RecordedCall(r.receivedAt(), r.method(), r.path(), r.query(), r.headers(),
          r.body(), r.idempotencyKey(), r.clientPort(), outcome);
    }
  }

  private final List<Entry> entries = new ArrayList<>();

  /** Records a received call; the handle ends it. */
  synchronized Entry received(RecordedCall call) {
    Entry entry = new Entry(call);
    entries.add(entry);
    notifyAll();
    return entry;
  }

  synchronized void ended(Entry entry, Outcome outcome) {
    entry.outcome = outcome;
    notifyAll();
  }

  synchronized List<RecordedCall> matching(Predicate<RecordedCall> filter) {
    List<RecordedCall> result = new ArrayList<>();
    for (Entry entry : entries) {
      RecordedCall call = entry.snapshot();
      if (filter.test(call)) {
        result.add(call);
      }
    }
    return result;
  }

  /**
   * Waits until at least {@code count} calls match, and returns them.
   *
   * @throws AssertionError when the timeout passes first, listing what was received
   */
  synchronized List<RecordedCall> await(Predicate<RecordedCall> filter, int count,
      Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<RecordedCall> found = matching(filter);
    while (found.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("expected " + count + " " + what + " within " + timeout
            + ", got " + found.size() + "; all calls: " + matching(c -> true));
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
      found = matching(filter);
    }
    return found;
  }
}
