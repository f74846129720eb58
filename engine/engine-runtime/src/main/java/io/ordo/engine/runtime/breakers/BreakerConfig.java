package io.ordo.engine.runtime.breakers;

import com.typesafe.config.Config;
import io.ordo.engine.runtime.OrdoSerializable;
import java.time.Duration;

/**
 * How one breaker behaves: it opens after {@code failureThreshold} consecutive failures (a call
 * slower than {@code callTimeout} counts as one), stays open for the reset timeout, which grows
 * by {@code backoffFactor} after every failed probe up to {@code maxResetTimeout}, and closes
 * after {@code halfOpenProbes} successful probes.
 */
public record BreakerConfig(int failureThreshold, Duration callTimeout, Duration resetTimeout,
    double backoffFactor, Duration maxResetTimeout, int halfOpenProbes)
    implements OrdoSerializable {

  public static BreakerConfig from(Config root) {
    Config c = root.getConfig("ordo.breakers.defaults");
    return new BreakerConfig(c.getInt("failure-threshold"), c.getDuration("call-timeout"),
        c.getDuration("reset-timeout"), c.getDouble("backoff-factor"),
        c.getDuration("max-reset-timeout"), c.getInt("half-open-probes"));
  }

  /** Null when the values make sense, else what is wrong. */
  public String problem() {
    if (failureThreshold < 1) {
      return "failureThreshold must be at least 1";
    }
    if (halfOpenProbes < 1) {
      return "halfOpenProbes must be at least 1";
    }
    if (backoffFactor < 1.0) {
      return "backoffFactor must be at least 1.0";
    }
    if (callTimeout.isNegative() || callTimeout.isZero() || resetTimeout.isNegative()
        || resetTimeout.isZero()) {
      return "callTimeout and resetTimeout must be positive";
    }
    if (maxResetTimeout.compareTo(resetTimeout) < 0) {
      return "maxResetTimeout must not be less than resetTimeout";
    }
    return null;
  }
}
