package io.ordo.engine.model.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.JsonPointers;
import io.ordo.engine.model.expr.ValueTemplate;
import io.ordo.engine.model.steps.HttpRequestSpec;
import io.ordo.engine.model.steps.StepSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HTTP_REQUEST: either {@code agent} with {@code request.path}, or {@code request.url} without an
 * agent; plus method, headers, query, body and {@code retryOn}.
 */
final class HttpRequestSpecParser implements StepSpecParser {

  private static final List<String> METHODS =
      List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  @Override
  public StepSpec parse(FieldReader fields, String stepId, StepParser steps) {
    Violations violations = fields.violations();
    int mark = violations.mark();
    boolean withAgent = fields.has("agent");
    String agent = fields.string("agent");
    Set<Integer> retryOn = retryOn(fields);
    JsonNode node = fields.required("request");
    FieldReader request =
        node == null ? null : FieldReader.of(node, fields.pointer("request"), violations);
    if (request == null) {
      return null;
    }
    String method = method(request);
    ValueTemplate path = Templates.optional(request, "path", Expect.STRING);
    ValueTemplate url = Templates.optional(request, "url", Expect.HTTP_URL);
    Map<String, ValueTemplate> headers = Templates.map(request, "headers");
    Map<String, ValueTemplate> query = Templates.map(request, "query");
    ValueTemplate body = Templates.optional(request, "body", Expect.ANY);
    request.rejectUnknownFields();
    checkTarget(fields, request, withAgent);
    return violations.noneSince(mark)
        ? new HttpRequestSpec(agent, method, path, url, headers, query, body, retryOn) : null;
  }

  private static void checkTarget(FieldReader step, FieldReader request, boolean withAgent) {
    if (withAgent && request.has("url")) {
      request.report("url", "not allowed with 'agent': the request goes to the agent's base URL"
          + " plus 'path'");
    }
    if (withAgent && !request.has("path")) {
      request.report("path", "missing required field 'path' (required with 'agent')");
    }
    if (!withAgent && request.has("path")) {
      request.report("path", "only allowed with 'agent'; without an agent use 'url'");
    }
    if (!withAgent && !request.has("url")) {
      step.violations().add(step.pointer(), "an HTTP_REQUEST needs either 'agent' (with"
          + " 'request.path') or 'request.url'");
    }
  }

  private static String method(FieldReader request) {
    String method = request.string("method");
    if (method == null) {
      return request.has("method") ? null : "GET";
    }
    if (!METHODS.contains(method)) {
      request.report("method", "unsupported method '" + method + "' (expected one of "
          + String.join(", ", METHODS) + ")");
      return null;
    }
    return method;
  }

  private static Set<Integer> retryOn(FieldReader fields) {
    JsonNode node = fields.get("retryOn");
    if (node == null) {
      return Set.of();
    }
    if (!node.isArray()) {
      fields.report("retryOn", "must be an array of HTTP status codes");
      return null;
    }
    Set<Integer> codes = new LinkedHashSet<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode code = node.get(i);
      if (code.isIntegralNumber() && code.canConvertToInt() && code.intValue() >= 100
          && code.intValue() <= 599) {
        codes.add(code.intValue());
      } else {
        fields.violations().add(JsonPointers.child(fields.pointer("retryOn"), i),
            "must be an HTTP status code (100 to 599)");
      }
    }
    return codes;
  }
}
