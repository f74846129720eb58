package io.ordo.engine.model.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * When and how often a failed step is tried again. Pure value with pure math: the runtime asks
 * {@link #allowsRetry} after a failure and {@link #delayBeforeAttempt} for the timer to set.
 *
 * @param maxAttempts total attempts including the first, at least 1 (exactly 1 for NONE)
 * @param initialDelay delay before the second attempt
 * @param increment LINEAR only: added per further attempt
 * @param multiplier EXPONENTIAL only: growth factor, at least 1
 * @param maxDelay upper bound of every delay, jitter included
 * @param jitter 0..1: each delay is spread uniformly by plus or minus this fraction
 * @param nonRetryableErrors error classes that end the step at once
 */
public record RetryPolicy(RetryStrategy strategy, int maxAttempts, Duration initialDelay,
    Duration increment, double multiplier, Duration maxDelay, double jitter,
    Set<String> nonRetryableErrors) {

  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofSeconds(1);
  public static final double DEFAULT_MULTIPLIER = 2.0;
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofMinutes(5);

  /** A single attempt; equal to what {@code {"strategy": "NONE"}} parses to. */
  public static final RetryPolicy NONE = new RetryPolicy(RetryStrategy.NONE, 1,
      DEFAULT_INITIAL_DELAY, DEFAULT_INITIAL_DELAY, DEFAULT_MULTIPLIER, DEFAULT_MAX_DELAY, 0.0,
      Set.of());

  public RetryPolicy {
    Objects.requireNonNull(strategy, "strategy");
    requireNonNegative(initialDelay, "initialDelay");
    requireNonNegative(increment, "increment");
    requireNonNegative(maxDelay, "maxDelay");
    if (maxAttempts < 1 || (strategy == RetryStrategy.NONE && maxAttempts != 1)) {
      throw new IllegalArgumentException(
          "maxAttempts out of range for " + strategy + ": " + maxAttempts);
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be a finite number >= 1: " + multiplier);
    }
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      throw new IllegalArgumentException("jitter must be within [0, 1]: " + jitter);
    }
    nonRetryableErrors = Set.copyOf(nonRetryableErrors);
  }

  /**
   * The delay before {@code attempt} (2 for the first retry), spread by jitter and clamped to
   * [0, maxDelay].
   *
   * @param random supplies uniform values in [0, 1); only used when jitter is non-zero
   */
  public Duration delayBeforeAttempt(int attempt, DoubleSupplier random) {
    if (attempt < 2) {
      throw new IllegalArgumentException(
          "attempt must be >= 2 (the first attempt has no delay): " + attempt);
    }
    if (strategy == RetryStrategy.NONE) {
      return Duration.ZERO;
    }
    Duration base = cap(baseDelay(attempt - 1));
    if (jitter == 0.0) {
      return base;
    }
    double spread = 1.0 + jitter * (2.0 * random.getAsDouble() - 1.0);
    return cap(Delays.scale(base, spread));
  }

  /**
   * Whether another attempt may follow a failure.
   *
   * @param attemptsSoFar attempts made, the failed one included
   * @param errorClass the failure's error class, may be null
   * @param retryable whether the failure is retryable by nature (a 4xx is not, a timeout is)
   */
  public boolean allowsRetry(int attemptsSoFar, String errorClass, boolean retryable) {
    return retryable
        && strategy != RetryStrategy.NONE
        && attemptsSoFar < maxAttempts
        && (errorClass == null || !nonRetryableErrors.contains(errorClass));
  }

  /** The uncapped, unjittered delay before retry number {@code retry} (1-based). */
  private Duration baseDelay(int retry) {
    if (strategy == RetryStrategy.FIXED) {
      return initialDelay;
    }
    if (strategy == RetryStrategy.LINEAR) {
      return Delays.plusTimes(initialDelay, increment, retry - 1, maxDelay);
    }
    return Delays.scale(initialDelay, Math.pow(multiplier, retry - 1));
  }

  private Duration cap(Duration delay) {
    if (delay.isNegative()) {
      return Duration.ZERO;
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  private static void requireNonNegative(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + duration);
    }
  }
}
