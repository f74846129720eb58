package io.ordo.engine.model.retry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * Duration arithmetic that saturates instead of overflowing: attempt 1000 of an exponential
 * policy must give maxDelay, not an ArithmeticException.
 */
final class Delays {

  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
  private static final Duration LONGEST = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);

  private Delays() {
  }

  /** {@code start + step * times}, or {@code ceiling} if that exceeds it. */
  static Duration plusTimes(Duration start, Duration step, long times, Duration ceiling) {
    try {
      return start.plus(step.multipliedBy(times));
    } catch (ArithmeticException overflow) {
      return ceiling;
    }
  }

  /** {@code delay * factor}, rounded to the nanosecond; saturates at the longest Duration. */
  static Duration scale(Duration delay, double factor) {
    if (Double.isNaN(factor) || factor <= 0.0) {
      return Duration.ZERO;
    }
    if (Double.isInfinite(factor)) {
      return delay.isZero() ? Duration.ZERO : LONGEST;
    }
    BigDecimal nanos = seconds(delay).multiply(BigDecimal.valueOf(factor))
        .multiply(NANOS_PER_SECOND).setScale(0, RoundingMode.HALF_EVEN);
    BigDecimal[] parts = nanos.divideAndRemainder(NANOS_PER_SECOND);
    if (parts[0].compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return LONGEST;
    }
    return Duration.ofSeconds(parts[0].longValueExact(), parts[1].longValueExact());
  }

  private static BigDecimal seconds(Duration delay) {
    return BigDecimal.valueOf(delay.getSeconds()).add(BigDecimal.valueOf(delay.getNano(), 9));
  }
}
