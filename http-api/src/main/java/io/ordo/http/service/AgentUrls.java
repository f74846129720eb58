package io.ordo.http.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.http.problems.FieldError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/** The URL parts of an agent: its base URL and its health path. */
final class AgentUrls {

  private static final int MAX_URL = 2048;
  private static final int MAX_PATH = 1024;

  private AgentUrls() {}

  /**
   * An absolute http(s) URL without query, fragment or user info (credentials belong in
   * {@code auth}, where they stay secret). Trailing slashes are dropped, so the base URL plus a
   * path that starts with "/" never doubles the slash.
   */
  static String baseUrl(JsonNode value, List<FieldError> errors) {
    if (value == null) {
      errors.add(new FieldError("/baseUrl", "missing required field 'baseUrl'"));
      return null;
    }
    String problem = null;
    String text = value.isTextual() ? value.textValue().trim() : "";
    URI uri = text.length() > MAX_URL ? null : parse(text);
    if (uri == null || !uri.isAbsolute() || uri.getHost() == null) {
      problem = "must be an absolute http(s) URL such as https://agent.example:8443/api";
    } else if (!uri.getScheme().equalsIgnoreCase("http")
        && !uri.getScheme().equalsIgnoreCase("https")) {
      problem = "must use http or https";
    } else if (uri.getRawUserInfo() != null) {
      problem = "must not carry credentials; set them in auth, where they stay secret";
    } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      problem = "must not have a query or a fragment";
    }
    if (problem != null) {
      errors.add(new FieldError("/baseUrl", problem));
      return null;
    }
    return text.replaceAll("/+$", "");
  }

  /** A path starting with "/", optionally with a query; null when absent. */
  static String healthPath(JsonNode value, List<FieldError> errors) {
    if (value == null) {
      return null;
    }
    String text = value.isTextual() ? value.textValue() : "";
    URI uri = text.startsWith("/") && !text.startsWith("//") && text.length() <= MAX_PATH
        ? parse("http://agent" + text) : null;
    if (uri == null || uri.getRawFragment() != null) {
      errors.add(new FieldError("/healthPath",
          "must be a path starting with '/' such as /health (a query is allowed, a fragment not)"));
      return null;
    }
    return text;
  }

  private static URI parse(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
