package io.ordo.engine.model.validation;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** ISO-8601 durations as the DSL accepts them ({@code PT30S}, {@code PT0.5S}, {@code P1D}). */
final class Durations {

  static final String INVALID = "must be an ISO-8601 duration such as PT30S or P1D";

  private Durations() {
  }

  /** The parsed duration, or null when {@link #problem} reports one. */
  static Duration parse(String text) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Why {@code text} is not an acceptable duration, or null.
   *
   * @param zeroAllowed delays may be zero, timeouts and timers may not
   */
  static String problem(String text, boolean zeroAllowed) {
    Duration duration = parse(text);
    if (duration == null) {
      return INVALID;
    }
    if (duration.isNegative() || (!zeroAllowed && duration.isZero())) {
      return zeroAllowed ? "must not be negative" : "must be longer than zero";
    }
    return null;
  }
}
