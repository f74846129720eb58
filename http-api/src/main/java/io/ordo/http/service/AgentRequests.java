package io.ordo.http.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.Json;
import io.ordo.engine.model.JsonPointers;
import io.ordo.engine.model.validation.RetryPolicies;
import io.ordo.engine.runtime.agents.AgentAuth;
import io.ordo.engine.runtime.agents.AgentRecord;
import io.ordo.engine.runtime.agents.AgentSpec;
import io.ordo.http.problems.FieldError;
import io.ordo.http.problems.InvalidRequestException;
import io.ordo.http.problems.Problem;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an agent's create or replace body, reporting every violation at once with its pointer.
 * No message quotes a value of the body: a misplaced secret must not come back in the answer.
 */
final class AgentRequests {

  static final String INVALID_AGENT = Problem.BASE + "invalid-agent";
  private static final Set<String> FIELDS = Set.of("id", "name", "description", "baseUrl",
      "auth", "defaultTimeout", "defaultRetry", "healthPath", "enabled");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
  private static final int MAX_NAME = 200;
  private static final int MAX_DESCRIPTION = 2000;

  private AgentRequests() {}

  /**
   * The agent a body describes.
   *
   * @param pathId the id in the path of a PUT, null for a POST
   * @param current the agent a PUT replaces (its secret may be kept), null for a POST
   */
  static AgentSpec parse(String body, String pathId, AgentRecord current) {
    var errors = new ArrayList<FieldError>();
    JsonNode json = object(body, errors);
    if (json == null) {
      throw invalid(errors);
    }
    json.fieldNames().forEachRemaining(name -> {
      if (!FIELDS.contains(name)) {
        errors.add(new FieldError(JsonPointers.child("", name), "unknown field"));
      }
    });
    String id = id(value(json, "id"), pathId, errors);
    String name = text(value(json, "name"), "/name", MAX_NAME, false, errors);
    String description = text(value(json, "description"), "/description", MAX_DESCRIPTION,
        true, errors);
    String baseUrl = AgentUrls.baseUrl(value(json, "baseUrl"), errors);
    AgentAuth auth = AgentAuthReader.read(value(json, "auth"), current, errors);
    String timeout = timeout(value(json, "defaultTimeout"), errors);
    JsonNode retry = value(json, "defaultRetry");
    if (retry != null) {
      RetryPolicies.parse(retry, "/defaultRetry").violations()
          .forEach(v -> errors.add(new FieldError(v.pointer(), v.message())));
    }
    String healthPath = AgentUrls.healthPath(value(json, "healthPath"), errors);
    JsonNode enabled = value(json, "enabled");
    if (enabled != null && !enabled.isBoolean()) {
      errors.add(new FieldError("/enabled", "must be true or false"));
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return new AgentSpec(id, name == null ? id : name, description, baseUrl, auth, timeout,
        retry, healthPath == null ? AgentSpec.DEFAULT_HEALTH_PATH : healthPath,
        enabled == null || enabled.booleanValue());
  }

  static InvalidRequestException invalid(List<FieldError> errors) {
    return new InvalidRequestException(INVALID_AGENT, "Invalid agent", errors);
  }

  /** A field's value; an explicit JSON null counts as absent. */
  static JsonNode value(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : value;
  }

  /** A string of 1..max characters (0..max when {@code emptyAllowed}), or null when absent. */
  static String text(JsonNode value, String pointer, int max, boolean emptyAllowed,
      List<FieldError> errors) {
    if (value == null) {
      return null;
    }
    String text = value.isTextual() ? value.textValue() : null;
    if (text == null || text.length() > max || (!emptyAllowed && text.isBlank())) {
      errors.add(new FieldError(pointer, "must be a string of " + (emptyAllowed ? 0 : 1)
          + " to " + max + " characters"));
      return null;
    }
    return text;
  }

  private static String id(JsonNode value, String pathId, List<FieldError> errors) {
    if (pathId != null) {
      if (value != null && !(value.isTextual() && value.textValue().equals(pathId))) {
        errors.add(new FieldError("/id", "must be '" + pathId + "', the id in the path"));
      }
      return pathId;
    }
    if (value == null) {
      errors.add(new FieldError("/id", "missing required field 'id'"));
      return null;
    }
    if (!value.isTextual() || !ID.matcher(value.textValue()).matches()) {
      errors.add(new FieldError("/id", "must match [A-Za-z0-9][A-Za-z0-9_.-]{0,127}"));
      return null;
    }
    return value.textValue();
  }

  private static String timeout(JsonNode value, List<FieldError> errors) {
    if (value == null) {
      return null;
    }
    try {
      if (value.isTextual() && !Duration.parse(value.textValue()).isNegative()
          && !Duration.parse(value.textValue()).isZero()) {
        return value.textValue();
      }
    } catch (DateTimeParseException e) {
      // Reported below, like any other value that is not a positive duration.
    }
    errors.add(new FieldError("/defaultTimeout",
        "must be an ISO-8601 duration longer than zero, such as PT30S"));
    return null;
  }

  private static JsonNode object(String body, List<FieldError> errors) {
    try {
      JsonNode json = body == null ? null : Json.mapper().readTree(body);
      if (json == null || !json.isObject()) {
        errors.add(new FieldError("", "the body must be a JSON object"));
        return null;
      }
      return json;
    } catch (JsonProcessingException e) {
      // Jackson's own message may quote the offending text, which could be a secret.
      var at = e.getLocation();
      errors.add(new FieldError("", "malformed JSON" + (at == null ? ""
          : " at line " + at.getLineNr() + ", column " + at.getColumnNr())));
      return null;
    }
  }
}
