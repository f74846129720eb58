package io.ordo.engine.runtime.agents;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * How an agent is authenticated. {@code username} (BASIC) and {@code header} (API_KEY) are
 * public; {@code secret} (the bearer token, the password or the key's value) is write-only: it
 * goes on the wire and nowhere else, and {@link #toString} leaves it out. A null secret on an
 * update means "keep the stored one".
 */
public record AgentAuth(Type type, String username, String header, String secret) {

  /** The supported schemes. */
  public enum Type {
    NONE, BEARER, BASIC, API_KEY;

    /** Whether the scheme carries a secret at all. */
    public boolean hasSecret() {
      return this != NONE;
    }
  }

  public static final AgentAuth NONE = new AgentAuth(Type.NONE, null, null, null);

  public AgentAuth {
    Objects.requireNonNull(type, "type");
  }

  public static AgentAuth bearer(String token) {
    return new AgentAuth(Type.BEARER, null, null, token);
  }

  public static AgentAuth basic(String username, String password) {
    return new AgentAuth(Type.BASIC, username, null, password);
  }

  public static AgentAuth apiKey(String header, String value) {
    return new AgentAuth(Type.API_KEY, null, header, value);
  }

  public AgentAuth withSecret(String newSecret) {
    return new AgentAuth(type, username, header, newSecret);
  }

  /** The request headers that carry the credentials; empty for NONE or without a secret. */
  public Map<String, String> headers() {
    if (secret == null) {
      return Map.of();
    }
    switch (type) {
      case BEARER:
        return Map.of("Authorization", "Bearer " + secret);
      case BASIC:
        String pair = username + ":" + secret;
        return Map.of("Authorization", "Basic "
            + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
      case API_KEY:
        return Map.of(header, secret);
      default:
        return Map.of();
    }
  }

  @Override
  public String toString() {
    return "AgentAuth[" + type + (username == null ? "" : ", username=" + username)
        + (header == null ? "" : ", header=" + header)
        + (secret == null ? "" : ", secret=***") + "]";
  }
}
