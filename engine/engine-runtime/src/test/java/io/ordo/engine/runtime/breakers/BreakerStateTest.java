package io.ordo.engine.runtime.breakers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The breaker state machine, as pure functions of time. */
class BreakerStateTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final BreakerConfig CONFIG = new BreakerConfig(3, Duration.ofSeconds(5),
      Duration.ofSeconds(10), 2.0, Duration.ofSeconds(30), 2);

  private BreakerState closed() {
    return BreakerState.closed("agent:default/a", CONFIG, T0);
  }

  private static BreakerState fail(BreakerState s, int times) {
    for (int i = 0; i < times; i++) {
      var admitted = s.admit(T0);
      s = admitted.next().onFailure(admitted.generation(), T0);
    }
    return s;
  }

  @Test
  void opensAfterTheThresholdOfConsecutiveFailures() {
    BreakerState s = fail(closed(), 2);
    assertEquals(BreakerStatus.CLOSED, s.status());
    s = fail(s, 1);
    assertEquals(BreakerStatus.OPEN, s.status());
    assertEquals(T0.plusSeconds(10), s.probeAt());
  }

  @Test
  void aSuccessInBetweenStartsTheCountAgain() {
    BreakerState s = fail(closed(), 2);
    var admitted = s.admit(T0);
    s = admitted.next().onSuccess(admitted.generation(), T0);
    assertEquals(0, s.consecutiveFailures());
    assertEquals(BreakerStatus.CLOSED, fail(s, 2).status());
  }

  @Test
  void anOpenBreakerRefusesUntilItsProbeTime() {
    BreakerState open = fail(closed(), 3);
    var refused = open.admit(T0.plusSeconds(9));
    assertFalse(refused.allowed());
    assertEquals(T0.plusSeconds(10), refused.retryAt());
  }

  @Test
  void halfOpenAdmitsTheConfiguredProbesAndClosesWhenAllSucceed() {
    BreakerState open = fail(closed(), 3);
    Instant later = T0.plusSeconds(10);
    var first = open.admit(later);
    assertTrue(first.allowed() && first.probe());
    assertEquals(BreakerStatus.HALF_OPEN, first.next().status());
    var second = first.next().admit(later);
    assertTrue(second.allowed() && second.probe());
    var third = second.next().admit(later);
    assertFalse(third.allowed(), "only two probes at a time");

    BreakerState s = third.next().onSuccess(first.generation(), later);
    assertEquals(BreakerStatus.HALF_OPEN, s.status());
    s = s.onSuccess(second.generation(), later);
    assertEquals(BreakerStatus.CLOSED, s.status());
    assertEquals(CONFIG.resetTimeout(), s.resetTimeout());
  }

  @Test
  void aFailedProbeReopensWithTheResetTimeoutBackedOffUpToItsMaximum() {
    BreakerState s = fail(closed(), 3);
    long[] expected = {20, 30, 30};
    for (long seconds : expected) {
      Instant now = s.probeAt();
      var probe = s.admit(now);
      s = probe.next().onFailure(probe.generation(), now);
      assertEquals(BreakerStatus.OPEN, s.status());
      assertEquals(Duration.ofSeconds(seconds), s.resetTimeout());
      assertEquals(now.plusSeconds(seconds), s.probeAt());
    }
  }

  @Test
  void resultsOfCallsAdmittedBeforeATransitionAreIgnored() {
    BreakerState s = closed();
    var slow = s.admit(T0);
    BreakerState open = fail(slow.next(), 3);
    assertEquals(BreakerStatus.OPEN, open.onSuccess(slow.generation(), T0).status());
  }

  @Test
  void aResetClosesAtOnce() {
    BreakerState reset = fail(closed(), 3).reset(T0.plusSeconds(1));
    assertEquals(BreakerStatus.CLOSED, reset.status());
    assertTrue(reset.admit(T0.plusSeconds(1)).allowed());
  }
}
