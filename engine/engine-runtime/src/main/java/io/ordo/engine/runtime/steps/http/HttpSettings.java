package io.ordo.engine.runtime.steps.http;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;

/**
 * The {@code ordo.engine.http} section, parsed once; documented in engine-runtime's
 * reference.conf.
 *
 * @param defaultTimeout per-attempt deadline when neither the step nor its agent sets one
 * @param maxResponseBytes larger response bodies fail the attempt with HTTP_RESPONSE_TOO_LARGE
 * @param connectingTimeout how long opening a TCP (and TLS) connection may take
 * @param idleTimeout how long an unused pooled connection stays open
 * @param maxIdlePerHost how many unused connections per host the pool keeps
 * @param userAgent the {@code User-Agent} of every call
 */
public record HttpSettings(Duration defaultTimeout, long maxResponseBytes,
    Duration connectingTimeout, Duration idleTimeout, int maxIdlePerHost, String userAgent) {

  public static HttpSettings from(Config root) {
    Config c = root.getConfig("ordo.engine.http");
    String userAgent = c.getString("user-agent");
    return new HttpSettings(
        c.getDuration("default-timeout"),
        c.getMemorySize("max-response-size").toBytes(),
        c.getDuration("connecting-timeout"),
        c.getDuration("idle-timeout"),
        c.getInt("max-idle-connections-per-host"),
        userAgent.isBlank() ? "ordo/" + version() : userAgent);
  }

  public HttpSettings withMaxResponseBytes(long bytes) {
    return new HttpSettings(defaultTimeout, bytes, connectingTimeout, idleTimeout,
        maxIdlePerHost, userAgent);
  }

  public HttpSettings withDefaultTimeout(Duration timeout) {
    return new HttpSettings(timeout, maxResponseBytes, connectingTimeout, idleTimeout,
        maxIdlePerHost, userAgent);
  }

  /** The version Maven stamped into the runtime's jar; "dev" when run from classes. */
  static String version() {
    try (InputStream in = HttpSettings.class.getResourceAsStream(
        "/META-INF/maven/io.ordo/ordo-engine-runtime/pom.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "dev");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
