package io.ordo.engine.runtime.steps.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One request as it goes on the wire: an absolute http(s) URL, header name/value pairs in order,
 * and the exact body bytes (null for none) with their content type. {@link #toString} leaves
 * header values out: they may carry credentials.
 */
public record OutboundRequest(String method, URI uri, List<Map.Entry<String, String>> headers,
    byte[] body, String contentType) {

  public OutboundRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    headers = List.copyOf(headers);
  }

  public String scheme() {
    return uri.getScheme().toLowerCase(Locale.ROOT);
  }

  public String host() {
    return uri.getHost().toLowerCase(Locale.ROOT);
  }

  /** The explicit port, else the scheme's default. */
  public int port() {
    return uri.getPort() >= 0 ? uri.getPort() : scheme().equals("https") ? 443 : 80;
  }

  /** Where the call goes, for messages: no query string, which may carry credentials. */
  public String describe() {
    return method + " " + scheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
  }

  /** Safe methods and PUT/DELETE: a repeat has the same effect as one call (RFC 9110 9.2.2). */
  public boolean idempotent() {
    return switch (method) {
      case "GET", "HEAD", "OPTIONS", "PUT", "DELETE" -> true;
      default -> false;
    };
  }

  @Override
  public String toString() {
    return "OutboundRequest[" + describe() + ", headers "
        + headers.stream().map(Map.Entry::getKey).toList() + "]";
  }
}
