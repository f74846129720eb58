package io.ordo.http;

import com.typesafe.config.Config;
import java.time.Duration;

/** The {@code ordo.http} section, parsed once. */
public record HttpSettings(String host, int port, long maxBodyBytes, Duration askTimeout,
    Duration shutdownDeadline, Duration maxWait) {

  public static HttpSettings from(Config root) {
    Config c = root.getConfig("ordo.http");
    return new HttpSettings(c.getString("host"), c.getInt("port"),
        c.getMemorySize("max-body-size").toBytes(), c.getDuration("ask-timeout"),
        c.getDuration("shutdown-deadline"), c.getDuration("max-wait"));
  }
}
