package io.ordo.http.dto;

import io.ordo.engine.runtime.breakers.BreakerConfig;
import io.ordo.engine.runtime.breakers.BreakerState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A circuit breaker as the API shows it, the same from every node. {@code nextProbeAt} is when
 * an OPEN breaker lets probes through; durations are ISO-8601.
 */
public record BreakerView(String id, String kind, String name, String state,
    int consecutiveFailures, Instant changedAt, Instant nextProbeAt, String resetTimeout,
    Map<String, Object> config) {

  public static BreakerView of(BreakerState s) {
    String kind = s.id().startsWith("agent:") ? "agent" : "host";
    String name = kind.equals("agent") ? s.id().substring(s.id().indexOf('/') + 1)
        : s.id().substring("host:".length());
    return new BreakerView(s.id(), kind, name, s.status().name(), s.consecutiveFailures(),
        s.changedAt(), s.probeAt(), s.resetTimeout().toString(), config(s.config()));
  }

  public static Map<String, Object> config(BreakerConfig c) {
    var view = new LinkedHashMap<String, Object>();
    view.put("failureThreshold", c.failureThreshold());
    view.put("callTimeout", c.callTimeout().toString());
    view.put("resetTimeout", c.resetTimeout().toString());
    view.put("backoffFactor", c.backoffFactor());
    view.put("maxResetTimeout", c.maxResetTimeout().toString());
    view.put("halfOpenProbes", c.halfOpenProbes());
    return view;
  }
}
