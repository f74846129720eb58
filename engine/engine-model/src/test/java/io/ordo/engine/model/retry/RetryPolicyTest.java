package io.ordo.engine.model.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final DoubleSupplier NO_RANDOM = () -> {
    throw new AssertionError("random must not be used without jitter");
  };

  private static RetryPolicy policy(RetryStrategy strategy, int maxAttempts, String initial, String increment,
      double multiplier, String max, double jitter) {
    return new RetryPolicy(strategy, maxAttempts, Duration.parse(initial), Duration.parse(increment), multiplier,
        Duration.parse(max), jitter, Set.of("HTTP_4XX"));
  }

  private static List<Duration> delays(RetryPolicy policy, int upToAttempt) {
    return IntStream.rangeClosed(2, upToAttempt).mapToObj(n -> policy.delayBeforeAttempt(n, NO_RANDOM)).toList();
  }

  private static List<Duration> seconds(double... values) {
    return Arrays.stream(values).mapToObj(s -> Duration.ofMillis(Math.round(s * 1000))).toList();
  }

  @Test
  void fixedAlwaysWaitsTheInitialDelay() {
    assertEquals(seconds(2, 2, 2, 2), delays(policy(RetryStrategy.FIXED, 5, "PT2S", "PT2S", 2, "PT5M", 0), 5));
  }

  @Test
  void linearAddsTheIncrementPerAttempt() {
    assertEquals(seconds(1, 4, 7, 10), delays(policy(RetryStrategy.LINEAR, 5, "PT1S", "PT3S", 2, "PT5M", 0), 5));
  }

  @Test
  void exponentialMultipliesPerAttempt() {
    assertEquals(seconds(0.5, 1, 2, 4, 8), delays(policy(RetryStrategy.EXPONENTIAL, 6, "PT0.5S", "PT0S", 2, "PT5M", 0), 6));
    assertEquals(seconds(1, 1.5, 2.25), delays(policy(RetryStrategy.EXPONENTIAL, 4, "PT1S", "PT0S", 1.5, "PT5M", 0), 4));
  }

  @Test
  void capsEveryDelayAtMaxDelay() {
    assertEquals(seconds(0.5, 1, 2, 3, 3), delays(policy(RetryStrategy.EXPONENTIAL, 6, "PT0.5S", "PT0S", 2, "PT3S", 0), 6));
    assertEquals(seconds(1, 4, 5, 5), delays(policy(RetryStrategy.LINEAR, 5, "PT1S", "PT3S", 2, "PT5S", 0), 5));
    assertEquals(seconds(5), delays(policy(RetryStrategy.FIXED, 2, "PT9S", "PT0S", 2, "PT5S", 0), 2));
  }

  @Test
  void hugeAttemptNumbersSaturateInsteadOfOverflowing() {
    RetryPolicy exponential = policy(RetryStrategy.EXPONENTIAL, Integer.MAX_VALUE, "PT1S", "PT0S", 10, "PT1H", 0);
    assertEquals(Duration.ofHours(1), exponential.delayBeforeAttempt(Integer.MAX_VALUE, NO_RANDOM));
    RetryPolicy linear = policy(RetryStrategy.LINEAR, Integer.MAX_VALUE, "PT1S", "P9999D", 1, "PT1H", 0);
    assertEquals(Duration.ofHours(1), linear.delayBeforeAttempt(Integer.MAX_VALUE, NO_RANDOM));
  }

  @Test
  void jitterSpreadsAroundTheDelay() {
    RetryPolicy policy = policy(RetryStrategy.FIXED, 3, "PT10S", "PT0S", 2, "PT5M", 0.2);
    assertEquals(Duration.ofSeconds(8), policy.delayBeforeAttempt(2, () -> 0.0));
    assertEquals(Duration.ofSeconds(10), policy.delayBeforeAttempt(2, () -> 0.5));
    assertEquals(Duration.ofSeconds(11), policy.delayBeforeAttempt(2, () -> 0.75));
  }

  @Test
  void jitterNeverExceedsMaxDelay() {
    RetryPolicy policy = policy(RetryStrategy.FIXED, 3, "PT10S", "PT0S", 2, "PT10S", 0.5);
    assertEquals(Duration.ofSeconds(10), policy.delayBeforeAttempt(2, () -> 0.999));
    assertEquals(Duration.ofSeconds(5), policy.delayBeforeAttempt(2, () -> 0.0));
  }

  @Test
  void noneNeverDelaysAndNeverRetries() {
    assertEquals(Duration.ZERO, RetryPolicy.NONE.delayBeforeAttempt(2, NO_RANDOM));
    assertFalse(RetryPolicy.NONE.allowsRetry(1, null, true));
  }

  @Test
  void allowsRetriesUntilMaxAttempts() {
    RetryPolicy policy = policy(RetryStrategy.FIXED, 3, "PT1S", "PT1S", 2, "PT5M", 0);
    assertTrue(policy.allowsRetry(1, "TIMEOUT", true));
    assertTrue(policy.allowsRetry(2, "TIMEOUT", true));
    assertFalse(policy.allowsRetry(3, "TIMEOUT", true));
  }

  @Test
  void neverRetriesNonRetryableFailures() {
    RetryPolicy policy = policy(RetryStrategy.FIXED, 3, "PT1S", "PT1S", 2, "PT5M", 0);
    assertFalse(policy.allowsRetry(1, "HTTP_4XX", true));
    assertFalse(policy.allowsRetry(1, "TIMEOUT", false));
    assertTrue(policy.allowsRetry(1, null, true));
  }

  @Test
  void rejectsInvalidPolicies() {
    assertThrows(IllegalArgumentException.class, () -> policy(RetryStrategy.FIXED, 0, "PT1S", "PT1S", 2, "PT5M", 0));
    assertThrows(IllegalArgumentException.class, () -> policy(RetryStrategy.NONE, 2, "PT1S", "PT1S", 2, "PT5M", 0));
    assertThrows(IllegalArgumentException.class, () -> policy(RetryStrategy.FIXED, 2, "PT1S", "PT1S", 0.5, "PT5M", 0));
    assertThrows(IllegalArgumentException.class, () -> policy(RetryStrategy.FIXED, 2, "PT1S", "PT1S", 2, "PT5M", 1.1));
    assertThrows(IllegalArgumentException.class, () -> policy(RetryStrategy.FIXED, 2, "-PT1S", "PT1S", 2, "PT5M", 0));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.NONE.delayBeforeAttempt(1, NO_RANDOM));
  }
}
