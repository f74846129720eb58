package io.ordo.engine.runtime.steps.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.Json;
import io.ordo.engine.model.expr.ExpressionException;
import io.ordo.engine.model.expr.ValueTemplate;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the templates of a request over the step's context and assembles what goes on the
 * wire. Anything that cannot be evaluated or is not usable fails with a {@link Problem}, which
 * the handlers turn into a non-retryable failure: trying again would evaluate the same way.
 */
final class RequestTemplates {

  /** Why a request cannot be made. */
  static final class Problem extends Exception {
    final String errorClass;

    Problem(String errorClass, String message) {
      super(message, null, false, false);
      this.errorClass = errorClass;
    }
  }

  private RequestTemplates() {}

  static JsonNode evaluate(ValueTemplate template, JsonNode context, String field) throws Problem {
    try {
      return template.evaluate(context);
    } catch (ExpressionException e) {
      throw new Problem(HttpErrorClasses.EXPRESSION_FAILED, field + ": " + e.getMessage());
    }
  }

  /** A template that must yield a string (a URL or a path). */
  static String text(ValueTemplate template, JsonNode context, String field) throws Problem {
    JsonNode value = evaluate(template, context, field);
    if (!value.isTextual()) {
      throw new Problem(HttpErrorClasses.EXPRESSION_FAILED, field + " must yield a string, not "
          + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return value.textValue();
  }

  /** Header templates, in order; a null value leaves the header out. */
  static List<Map.Entry<String, String>> headers(Map<String, ValueTemplate> templates,
      JsonNode context, String field) throws Problem {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (Map.Entry<String, ValueTemplate> header : templates.entrySet()) {
      JsonNode value = evaluate(header.getValue(), context, field + "." + header.getKey());
      if (!value.isNull() && !value.isMissingNode()) {
        headers.add(Map.entry(header.getKey(), scalar(value)));
      }
    }
    return headers;
  }

  /** The query string: values as strings, an array as the parameter repeated, nulls left out. */
  static String query(Map<String, ValueTemplate> templates, JsonNode context) throws Problem {
    StringBuilder query = new StringBuilder();
    for (Map.Entry<String, ValueTemplate> param : templates.entrySet()) {
      JsonNode value = evaluate(param.getValue(), context, "request.query." + param.getKey());
      List<JsonNode> values = new ArrayList<>();
      if (value.isArray()) {
        value.forEach(values::add);
      } else {
        values.add(value);
      }
      for (JsonNode one : values) {
        if (one.isNull() || one.isMissingNode()) {
          continue;
        }
        query.append(query.length() == 0 ? "" : "&").append(encode(param.getKey()))
            .append('=').append(encode(scalar(one)));
      }
    }
    return query.toString();
  }

  /**
   * An absolute http(s) URL with {@code query} appended to any query it has.
   *
   * @throws Problem INVALID_URL otherwise
   */
  static URI url(String text, String query) throws Problem {
    String url = text.strip();
    int fragment = url.indexOf('#');
    if (fragment >= 0) {
      url = url.substring(0, fragment);
    }
    if (!query.isEmpty()) {
      url = url + (url.indexOf('?') >= 0 ? "&" : "?") + query;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (scheme == null || uri.getHost() == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
        throw new Problem(HttpErrorClasses.INVALID_URL,
            "'" + text + "' is not an absolute http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new Problem(HttpErrorClasses.INVALID_URL, "'" + text + "' is not a valid URL: "
          + e.getReason() + " (encode values with jq's @uri)");
    }
  }

  /** An agent's base URL and a step's path, with exactly one slash between them. */
  static String join(String baseUrl, String path) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    if (path.isEmpty()) {
      return base;
    }
    return base + (path.startsWith("/") || path.startsWith("?") ? path : "/" + path);
  }

  static byte[] json(JsonNode value) {
    try {
      return Json.mapper().writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /**
   * The request: the step's headers, then {@code fixed} ones replacing any of the same name
   * (an agent's auth, a signature), the idempotency key unless the step sets its own, and a
   * {@code Content-Type} header of the step as the body's type.
   */
  static OutboundRequest assemble(String method, URI uri, List<Map.Entry<String, String>> step,
      Map<String, String> fixed, String idempotencyKey, byte[] body) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    String contentType = null;
    boolean keySet = false;
    for (Map.Entry<String, String> header : step) {
      String name = header.getKey();
      if (name.equalsIgnoreCase("Content-Type")) {
        contentType = header.getValue();
      } else if (fixed.keySet().stream().noneMatch(name::equalsIgnoreCase)) {
        headers.add(header);
        keySet |= name.equalsIgnoreCase("Idempotency-Key");
      }
    }
    fixed.forEach((name, value) -> headers.add(Map.entry(name, value)));
    if (!keySet && idempotencyKey != null) {
      headers.add(Map.entry("Idempotency-Key", idempotencyKey));
    }
    return new OutboundRequest(method, uri, headers, body, contentType);
  }

  /** {@code host:<host>:<port>}: the breaker of calls to a URL rather than an agent. */
  static String hostBreakerId(OutboundRequest request) {
    return "host:" + request.host() + ":" + request.port();
  }

  private static String scalar(JsonNode value) {
    return value.isValueNode() ? value.asText() : value.toString();
  }

  private static String encode(String text) {
    // URLEncoder encodes for forms; in a query a space is safest as %20.
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
