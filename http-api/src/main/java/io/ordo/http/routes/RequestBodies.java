package io.ordo.http.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.Json;
import io.ordo.http.dto.ExecuteRequest;
import io.ordo.http.problems.FieldError;
import io.ordo.http.problems.InvalidRequestException;
import io.ordo.http.problems.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Small request bodies read field by field, so every problem is reported with its pointer and
 * an unknown field (a typo) is an error rather than silently ignored.
 */
final class RequestBodies {

  private static final Set<String> EXECUTE_FIELDS =
      Set.of("input", "version", "idempotencyKey", "triggeredBy");
  private static final int MAX_KEY_LENGTH = 255;

  private RequestBodies() {}

  /** The execute body; {@code headerKey} is the {@code Idempotency-Key} header, if sent. */
  static ExecuteRequest execute(String body, String headerKey) {
    var errors = new ArrayList<FieldError>();
    JsonNode json = object(body, errors);
    if (json == null) {
      throw invalid(errors);
    }
    unknownFields(json, EXECUTE_FIELDS, errors);
    JsonNode input = json.get("input");
    Integer version = null;
    if (json.hasNonNull("version")) {
      JsonNode v = json.get("version");
      if (!v.canConvertToExactIntegral() || v.asInt() < 1) {
        errors.add(new FieldError("/version", "must be an integer ≥ 1"));
      } else {
        version = v.asInt();
      }
    }
    String key = text(json, "idempotencyKey", MAX_KEY_LENGTH, errors);
    if (key == null && headerKey != null) {
      if (headerKey.isBlank() || headerKey.length() > MAX_KEY_LENGTH) {
        errors.add(new FieldError("/idempotencyKey",
            "the Idempotency-Key header must be 1–" + MAX_KEY_LENGTH + " characters"));
      }
      key = headerKey;
    }
    String triggeredBy = text(json, "triggeredBy", MAX_KEY_LENGTH, errors);
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return new ExecuteRequest(input == null || input.isNull() ? null : input, version, key,
        triggeredBy);
  }

  /** The optional {@code reason} of a cancel. */
  static String reason(String body) {
    var errors = new ArrayList<FieldError>();
    JsonNode json = object(body, errors);
    if (json == null) {
      throw invalid(errors);
    }
    unknownFields(json, Set.of("reason"), errors);
    String reason = text(json, "reason", 1000, errors);
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return reason;
  }

  /** A signal's payload: any JSON, null when the body is empty. */
  static JsonNode payload(String body) {
    if (body == null || body.isBlank()) {
      return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }
    try {
      return Json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw invalid(List.of(new FieldError("", "malformed JSON: " + e.getOriginalMessage())));
    }
  }

  /** Signal names follow the DSL's identifier rule, as WAIT steps' `signal` does. */
  static String signalName(String name) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")) {
      throw new InvalidRequestException(Problem.BASE + "invalid-parameters",
          "Invalid signal name", List.of(new FieldError("/name",
              "must match [A-Za-z0-9][A-Za-z0-9_.-]{0,127}")));
    }
    return name;
  }

  private static JsonNode object(String body, List<FieldError> errors) {
    if (body == null || body.isBlank()) {
      return Json.mapper().createObjectNode();
    }
    try {
      JsonNode json = Json.mapper().readTree(body);
      if (json == null || !json.isObject()) {
        errors.add(new FieldError("", "the body must be a JSON object"));
        return null;
      }
      return json;
    } catch (JsonProcessingException e) {
      errors.add(new FieldError("", "malformed JSON: " + e.getOriginalMessage()
          + " at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr()));
      return null;
    }
  }

  private static void unknownFields(JsonNode json, Set<String> known, List<FieldError> errors) {
    json.fieldNames().forEachRemaining(name -> {
      if (!known.contains(name)) {
        errors.add(new FieldError("/" + name.replace("~", "~0").replace("/", "~1"),
            "unknown field; expected one of " + known));
      }
    });
  }

  private static String text(JsonNode json, String field, int maxLength, List<FieldError> errors) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > maxLength) {
      errors.add(new FieldError("/" + field, "must be a string of 1–" + maxLength
          + " characters"));
      return null;
    }
    return value.asText();
  }

  private static InvalidRequestException invalid(List<FieldError> errors) {
    return new InvalidRequestException(Problem.BASE + "invalid-request", "Invalid request body",
        errors);
  }
}
