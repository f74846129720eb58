package io.ordo.engine.model.retry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class RetryPolicyPropertiesTest {

  private static RetryPolicy exponential(double jitter) {
    return new RetryPolicy(RetryStrategy.EXPONENTIAL, 50, Duration.ofMillis(100), Duration.ZERO, 1.7,
        Duration.ofMinutes(2), jitter, Set.of());
  }

  @Property(tries = 300)
  void jitteredDelayStaysWithinItsBounds(@ForAll @IntRange(min = 2, max = 40) int attempt,
      @ForAll @DoubleRange(min = 0, max = 1) double jitter,
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random) {
    Duration base = exponential(0).delayBeforeAttempt(attempt, () -> {
      throw new AssertionError("no jitter, no random");
    });
    Duration delay = exponential(jitter).delayBeforeAttempt(attempt, () -> random);
    double low = base.toNanos() * (1 - jitter) - 1;
    double high = Math.min(base.toNanos() * (1 + jitter), Duration.ofMinutes(2).toNanos()) + 1;
    assertTrue(delay.toNanos() >= low && delay.toNanos() <= high, delay + " not within [" + low + ", " + high + "]");
  }

  @Property(tries = 300)
  void delaysNeverShrinkWithoutJitter(@ForAll @IntRange(min = 2, max = 200) int attempt) {
    RetryPolicy policy = exponential(0);
    assertTrue(policy.delayBeforeAttempt(attempt + 1, () -> 0).compareTo(policy.delayBeforeAttempt(attempt, () -> 0)) >= 0);
  }
}
