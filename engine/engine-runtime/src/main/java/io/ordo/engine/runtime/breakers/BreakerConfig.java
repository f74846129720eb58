package io.ordo.engine.runtime.breakers;

import com.typesafe.config.Config;
import io.ordo.engine.runtime.OrdoSerializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

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

  /** What is wrong with the values, field by field; empty when they make sense. */
  public Map<String, String> problems() {
    var problems = new LinkedHashMap<String, String>();
    if (failureThreshold < 1) {
      problems.put("failureThreshold", "must be at least 1");
    }
    if (!positive(callTimeout)) {
      problems.put("callTimeout", "must be positive");
    }
    if (!positive(resetTimeout)) {
      problems.put("resetTimeout", "must be positive");
    }
    if (backoffFactor < 1.0) {
      problems.put("backoffFactor", "must be at least 1.0");
    }
    if (!positive(maxResetTimeout) || maxResetTimeout.compareTo(resetTimeout) < 0) {
      problems.put("maxResetTimeout", "must be positive and not less than resetTimeout");
    }
    if (halfOpenProbes < 1) {
      problems.put("halfOpenProbes", "must be at least 1");
    }
    return problems;
  }

  private static boolean positive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }
}
