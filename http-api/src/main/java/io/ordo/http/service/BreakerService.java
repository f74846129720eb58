package io.ordo.http.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.Json;
import io.ordo.engine.runtime.audit.Caller;
import io.ordo.engine.runtime.breakers.BreakerConfig;
import io.ordo.engine.runtime.breakers.Breakers;
import io.ordo.http.dto.BreakerView;
import io.ordo.http.problems.FieldError;
import io.ordo.http.problems.InvalidRequestException;
import io.ordo.http.problems.Problem;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Circuit breakers through the API. {@code {id}} is an agent's id (its breaker is
 * {@code agent:<workspace>/<id>}) or a host breaker's full id ({@code host:<host>:<port>}); a
 * workspace sees its agents' breakers and the host breakers.
 */
public final class BreakerService {

  private static final Set<String> FIELDS = Set.of("failureThreshold", "callTimeout",
      "resetTimeout", "backoffFactor", "maxResetTimeout", "halfOpenProbes");

  private final Breakers breakers;

  public BreakerService(Breakers breakers) {
    this.breakers = breakers;
  }

  public List<BreakerView> list(Caller caller) {
    String own = "agent:" + caller.workspaceId() + "/";
    return breakers.all().stream()
        .filter(s -> s.id().startsWith(own) || s.id().startsWith("host:"))
        .map(BreakerView::of).toList();
  }

  public BreakerView get(Caller caller, String id) {
    return BreakerView.of(breakers.state(breakerId(caller, id)));
  }

  public CompletionStage<BreakerView> configure(Caller caller, String id, String body) {
    String breakerId = breakerId(caller, id);
    BreakerConfig config;
    try {
      config = merged(breakers.state(breakerId).config(), body);
    } catch (InvalidRequestException e) {
      return CompletableFuture.failedFuture(e);
    }
    return breakers.configure(caller, breakerId, config).thenApply(BreakerView::of);
  }

  public CompletionStage<BreakerView> reset(Caller caller, String id) {
    return breakers.reset(caller, breakerId(caller, id)).thenApply(BreakerView::of);
  }

  private static String breakerId(Caller caller, String id) {
    return id.startsWith("host:") ? id : "agent:" + caller.workspaceId() + "/" + id;
  }

  /** The current configuration with the fields the body sets; every problem at once. */
  private static BreakerConfig merged(BreakerConfig current, String body) {
    var errors = new ArrayList<FieldError>();
    JsonNode json;
    try {
      json = Json.mapper().readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (JsonProcessingException e) {
      throw invalid(List.of(new FieldError("", "malformed JSON: " + e.getOriginalMessage())));
    }
    if (json == null || !json.isObject()) {
      throw invalid(List.of(new FieldError("", "the body must be a JSON object")));
    }
    json.fieldNames().forEachRemaining(f -> {
      if (!FIELDS.contains(f)) {
        errors.add(new FieldError("/" + f, "unknown field; expected one of " + FIELDS));
      }
    });
    var config = new BreakerConfig(
        integer(json, "failureThreshold", current.failureThreshold(), errors),
        duration(json, "callTimeout", current.callTimeout(), errors),
        duration(json, "resetTimeout", current.resetTimeout(), errors),
        decimal(json, "backoffFactor", current.backoffFactor(), errors),
        duration(json, "maxResetTimeout", current.maxResetTimeout(), errors),
        integer(json, "halfOpenProbes", current.halfOpenProbes(), errors));
    // Range checks on the fields that parsed, so every problem is reported at once.
    config.problems().forEach((field, message) -> {
      if (errors.stream().noneMatch(e -> e.pointer().equals("/" + field))) {
        errors.add(new FieldError("/" + field, message));
      }
    });
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return config;
  }

  private static int integer(JsonNode json, String field, int fallback, List<FieldError> errors) {
    JsonNode v = json.get(field);
    if (v == null) {
      return fallback;
    }
    if (!v.canConvertToExactIntegral()) {
      errors.add(new FieldError("/" + field, "must be an integer"));
      return fallback;
    }
    return v.asInt();
  }

  private static double decimal(JsonNode json, String field, double fallback,
      List<FieldError> errors) {
    JsonNode v = json.get(field);
    if (v == null) {
      return fallback;
    }
    if (!v.isNumber()) {
      errors.add(new FieldError("/" + field, "must be a number"));
      return fallback;
    }
    return v.asDouble();
  }

  private static Duration duration(JsonNode json, String field, Duration fallback,
      List<FieldError> errors) {
    JsonNode v = json.get(field);
    if (v == null) {
      return fallback;
    }
    try {
      return Duration.parse(v.asText());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError("/" + field, "must be an ISO-8601 duration such as PT30S"));
      return fallback;
    }
  }

  private static InvalidRequestException invalid(List<FieldError> errors) {
    return new InvalidRequestException(Problem.BASE + "invalid-breaker-config",
        "Invalid circuit breaker configuration", errors);
  }
}
