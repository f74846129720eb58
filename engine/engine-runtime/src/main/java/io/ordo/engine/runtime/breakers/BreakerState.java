package io.ordo.engine.runtime.breakers;

import io.ordo.engine.runtime.OrdoSerializable;
import java.time.Duration;
import java.time.Instant;

/**
 * One breaker's state and its transitions, as pure functions of the time. CLOSED → OPEN after
 * the threshold of consecutive failures; OPEN refuses calls until {@code probeAt}; then
 * HALF_OPEN admits up to {@code halfOpenProbes} probes: all succeeding closes it, one failing
 * opens it again with the reset timeout backed off. Results of calls admitted before the last
 * transition are ignored, so a slow call from before the breaker opened cannot close it.
 */
public record BreakerState(String id, BreakerStatus status, int consecutiveFailures,
    Duration resetTimeout, Instant changedAt, Instant probeAt, int probesAdmitted,
    int probesSucceeded, long generation, BreakerConfig config) implements OrdoSerializable {

  /** Whether a call may go ahead; {@code retryAt} says when to come back when not. */
  public record Admission(boolean allowed, boolean probe, long generation, Instant retryAt,
      BreakerState next) {}

  /** How long a refused call waits when every probe slot is taken. */
  static final Duration PROBE_WAIT = Duration.ofSeconds(1);

  public static BreakerState closed(String id, BreakerConfig config, Instant now) {
    return new BreakerState(id, BreakerStatus.CLOSED, 0, config.resetTimeout(), now, null, 0, 0,
        0, config);
  }

  public Admission admit(Instant now) {
    switch (status) {
      case CLOSED:
        return new Admission(true, false, generation, null, this);
      case OPEN:
        if (now.isBefore(probeAt)) {
          return new Admission(false, false, generation, probeAt, this);
        }
        BreakerState halfOpen = moveTo(BreakerStatus.HALF_OPEN, 0, resetTimeout, now, null, 1, 0);
        return new Admission(true, true, halfOpen.generation, null, halfOpen);
      default:
        if (probesAdmitted < config.halfOpenProbes()) {
          BreakerState next = new BreakerState(id, status, consecutiveFailures, resetTimeout,
              changedAt, probeAt, probesAdmitted + 1, probesSucceeded, generation, config);
          return new Admission(true, true, generation, null, next);
        }
        return new Admission(false, false, generation, now.plus(PROBE_WAIT), this);
    }
  }

  /** A call admitted under {@code admittedIn} succeeded, or the remote side at least answered. */
  public BreakerState onSuccess(long admittedIn, Instant now) {
    if (admittedIn != generation) {
      return this;
    }
    if (status == BreakerStatus.CLOSED) {
      return consecutiveFailures == 0 ? this : new BreakerState(id, status, 0, resetTimeout,
          changedAt, probeAt, 0, 0, generation, config);
    }
    if (status == BreakerStatus.HALF_OPEN) {
      int succeeded = probesSucceeded + 1;
      if (succeeded >= config.halfOpenProbes()) {
        return moveTo(BreakerStatus.CLOSED, 0, config.resetTimeout(), now, null, 0, 0);
      }
      return new BreakerState(id, status, consecutiveFailures, resetTimeout, changedAt, probeAt,
          probesAdmitted, succeeded, generation, config);
    }
    return this;
  }

  public BreakerState onFailure(long admittedIn, Instant now) {
    if (admittedIn != generation) {
      return this;
    }
    if (status == BreakerStatus.CLOSED) {
      int failures = consecutiveFailures + 1;
      if (failures >= config.failureThreshold()) {
        return open(failures, config.resetTimeout(), now);
      }
      return new BreakerState(id, status, failures, resetTimeout, changedAt, probeAt, 0, 0,
          generation, config);
    }
    if (status == BreakerStatus.HALF_OPEN) {
      return open(consecutiveFailures + 1, backedOff(), now);
    }
    return this;
  }

  public BreakerState reset(Instant now) {
    return moveTo(BreakerStatus.CLOSED, 0, config.resetTimeout(), now, null, 0, 0);
  }

  public BreakerState withConfig(BreakerConfig newConfig, Instant now) {
    return new BreakerState(id, status, consecutiveFailures, resetTimeout, now, probeAt,
        probesAdmitted, probesSucceeded, generation + 1, newConfig);
  }

  private BreakerState open(int failures, Duration timeout, Instant now) {
    return moveTo(BreakerStatus.OPEN, failures, timeout, now, now.plus(timeout), 0, 0);
  }

  private Duration backedOff() {
    long millis = (long) Math.min(resetTimeout.toMillis() * config.backoffFactor(),
        config.maxResetTimeout().toMillis());
    return Duration.ofMillis(millis);
  }

  private BreakerState moveTo(BreakerStatus newStatus, int failures, Duration timeout,
      Instant now, Instant newProbeAt, int admitted, int succeeded) {
    return new BreakerState(id, newStatus, failures, timeout, now, newProbeAt, admitted,
        succeeded, generation + 1, config);
  }
}
