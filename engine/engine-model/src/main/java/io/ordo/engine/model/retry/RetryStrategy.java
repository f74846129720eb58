package io.ordo.engine.model.retry;

/** How the delay between attempts grows. */
public enum RetryStrategy {
  /** One attempt, no retry. */
  NONE,
  /** Always {@code initialDelay}. */
  FIXED,
  /** {@code initialDelay + (n - 1) * increment} before retry n. */
  LINEAR,
  /** {@code initialDelay * multiplier^(n - 1)} before retry n. */
  EXPONENTIAL
}
