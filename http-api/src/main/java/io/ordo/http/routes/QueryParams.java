package io.ordo.http.routes;

import io.ordo.http.problems.FieldError;
import io.ordo.http.problems.InvalidRequestException;
import io.ordo.http.problems.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pekko.http.javadsl.model.Query;

/**
 * Reads query parameters, collecting every malformed one so a request is rejected once with all
 * of them. Errors point at {@code /<parameter>}.
 */
final class QueryParams {

  private final Query query;
  private final List<FieldError> errors = new ArrayList<>();

  QueryParams(Query query) {
    this.query = query;
  }

  String text(String name) {
    return query.get(name).filter(v -> !v.isBlank()).orElse(null);
  }

  Integer integer(String name, Integer fallback, int min, int max) {
    var raw = query.get(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.get().trim());
      if (value < min || value > max) {
        errors.add(new FieldError("/" + name, "must be between " + min + " and " + max));
      }
      return value;
    } catch (NumberFormatException e) {
      errors.add(new FieldError("/" + name, "must be an integer, not '" + raw.get() + "'"));
      return fallback;
    }
  }

  boolean flag(String name) {
    var raw = query.get(name);
    if (raw.isEmpty()) {
      return false;
    }
    if (!raw.get().equals("true") && !raw.get().equals("false")) {
      errors.add(new FieldError("/" + name, "must be true or false"));
    }
    return raw.get().equals("true");
  }

  String oneOf(String name, Set<String> allowed, String fallback) {
    String value = text(name);
    if (value == null) {
      return fallback;
    }
    if (!allowed.contains(value)) {
      errors.add(new FieldError("/" + name, "must be one of " + allowed));
    }
    return value;
  }

  /** An ISO-8601 duration, positive and at most {@code max}. */
  java.time.Duration duration(String name, java.time.Duration fallback, java.time.Duration max) {
    String raw = text(name);
    if (raw == null) {
      return fallback;
    }
    try {
      var value = java.time.Duration.parse(raw);
      if (value.isNegative() || value.isZero() || value.compareTo(max) > 0) {
        errors.add(new FieldError("/" + name, "must be a positive duration of at most " + max));
      }
      return value;
    } catch (java.time.format.DateTimeParseException e) {
      errors.add(new FieldError("/" + name, "must be an ISO-8601 duration such as PT30S"));
      return fallback;
    }
  }

  /** Throws the collected errors, if any. */
  void check() {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(Problem.BASE + "invalid-parameters",
          "Invalid query parameters", errors);
    }
  }
}
