package io.ordo.http.service;

import com.typesafe.config.Config;
import java.time.Duration;

/** The {@code ordo.http.sse} section, parsed once; documented in http-api's reference.conf. */
public record EventStreamSettings(Duration heartbeat) {

  public static EventStreamSettings from(Config root) {
    Config c = root.getConfig("ordo.http.sse");
    Duration heartbeat = c.getDuration("heartbeat");
    if (heartbeat.isNegative() || heartbeat.isZero()) {
      throw new IllegalArgumentException("ordo.http.sse.heartbeat must be positive");
    }
    return new EventStreamSettings(heartbeat);
  }
}
