package io.ordo.analytics.history;

import java.time.Instant;

/**
 * One event of an execution as a human-readable line. {@code seq} is the event's sequence number
 * in the execution's journal (1 is the start), so lines page and resume by it.
 */
public record LogLine(long seq, Instant at, Level level, String stepId, Integer item,
    String message) {

  /** ERROR: something failed; WARN: a retry, cancellation, pause or time-out; INFO: the rest. */
  public enum Level { INFO, WARN, ERROR }
}
