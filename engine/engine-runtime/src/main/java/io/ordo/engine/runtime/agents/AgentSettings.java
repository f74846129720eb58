package io.ordo.engine.runtime.agents;

import com.typesafe.config.Config;
import java.time.Duration;

/** The {@code ordo.engine.agents} section, parsed once; documented in reference.conf. */
public record AgentSettings(Duration cacheTtl, long cacheSize, Duration healthTimeout) {

  public static AgentSettings from(Config root) {
    Config c = root.getConfig("ordo.engine.agents");
    return new AgentSettings(c.getDuration("cache-ttl"), c.getLong("cache-size"),
        c.getDuration("health-timeout"));
  }
}
