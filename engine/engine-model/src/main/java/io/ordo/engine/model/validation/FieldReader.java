package io.ordo.engine.model.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.JsonPointers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of one JSON object, reporting every type problem as a violation at the
 * field's pointer. Each accessor returns null when the field is absent or invalid; which of the two
 * shows in the {@link Violations}. Every field name asked for counts as known, so
 * {@link #rejectUnknownFields()} finds the typos. An explicit JSON {@code null} counts as absent.
 */
final class FieldReader {

  private final JsonNode node;
  private final String pointer;
  private final Violations violations;
  private final Set<String> known = new HashSet<>();

  private FieldReader(JsonNode node, String pointer, Violations violations) {
    this.node = node;
    this.pointer = pointer;
    this.violations = violations;
  }

  /** A reader for {@code node}, or null (with a violation) when it is not an object. */
  static FieldReader of(JsonNode node, String pointer, Violations violations) {
    if (node == null || !node.isObject()) {
      violations.add(pointer, "must be an object");
      return null;
    }
    return new FieldReader(node, pointer, violations);
  }

  String pointer() {
    return pointer;
  }

  String pointer(String field) {
    return JsonPointers.child(pointer, field);
  }

  Violations violations() {
    return violations;
  }

  void report(String field, String message) {
    violations.add(pointer(field), message);
  }

  /** The field's value, or null when absent or JSON null. */
  JsonNode get(String field) {
    known.add(field);
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value;
  }

  boolean has(String field) {
    return get(field) != null;
  }

  /** The value of a field that must be present; JSON null is a value here (for templates). */
  JsonNode required(String field) {
    known.add(field);
    JsonNode value = node.get(field);
    if (value == null) {
      report(field, "missing required field '" + field + "'");
    }
    return value;
  }

  String string(String field) {
    JsonNode value = get(field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      report(field, "must be a string");
      return null;
    }
    if (value.textValue().isBlank()) {
      report(field, "must not be empty");
      return null;
    }
    return value.textValue();
  }

  /** Display text: any string, empty included. */
  String text(String field) {
    JsonNode value = get(field);
    if (value != null && !value.isTextual()) {
      report(field, "must be a string");
      return null;
    }
    return value == null ? null : value.textValue();
  }

  String requiredString(String field) {
    if (!has(field)) {
      report(field, "missing required field '" + field + "'");
      return null;
    }
    return string(field);
  }

  /** An id-shaped string ({@link Identifiers}). */
  String identifier(String field, boolean required) {
    String value = required ? requiredString(field) : string(field);
    String problem = value == null ? null : Identifiers.problem(value);
    if (problem != null) {
      report(field, problem);
      return null;
    }
    return value;
  }

  /** An integer of at least {@code min}. */
  Integer integer(String field, int min) {
    JsonNode value = get(field);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      report(field, "must be an integer");
      return null;
    }
    if (value.intValue() < min) {
      report(field, "must be at least " + min);
      return null;
    }
    return value.intValue();
  }

  /** A number within [min, max]. */
  Double number(String field, double min, double max) {
    JsonNode value = get(field);
    if (value == null) {
      return null;
    }
    if (!value.isNumber()) {
      report(field, "must be a number");
      return null;
    }
    double number = value.doubleValue();
    if (!(number >= min && number <= max)) {
      report(field, max == Double.MAX_VALUE ? "must be at least " + min
          : "must be between " + min + " and " + max);
      return null;
    }
    return number;
  }

  /** An ISO-8601 duration; zero only when {@code zeroAllowed}, never negative. */
  Duration duration(String field, boolean zeroAllowed) {
    JsonNode value = get(field);
    if (value == null) {
      return null;
    }
    String problem = value.isTextual()
        ? Durations.problem(value.textValue(), zeroAllowed) : Durations.INVALID;
    if (problem != null) {
      report(field, problem);
      return null;
    }
    return Durations.parse(value.textValue());
  }

  /** One of the constants of {@code type}, spelled exactly; {@code fallback} when absent. */
  <E extends Enum<E>> E enumValue(String field, Class<E> type, E fallback) {
    String value = string(field);
    if (value == null) {
      return has(field) ? null : fallback;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    report(field, "unknown value '" + value + "' (expected one of "
        + String.join(", ", names(type)) + ")");
    return null;
  }

  /** Like {@link #enumValue} for a field that must be present. */
  <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
    if (!has(field)) {
      report(field, "missing required field '" + field + "'");
      return null;
    }
    return enumValue(field, type, null);
  }

  /** An array of non-empty strings; empty when absent. */
  List<String> strings(String field) {
    JsonNode value = get(field);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      report(field, "must be an array of strings");
      return null;
    }
    List<String> result = new ArrayList<>();
    boolean valid = true;
    for (int i = 0; i < value.size(); i++) {
      JsonNode element = value.get(i);
      if (!element.isTextual() || element.textValue().isBlank()) {
        violations.add(JsonPointers.child(pointer(field), i), "must be a non-empty string");
        valid = false;
      } else {
        result.add(element.textValue());
      }
    }
    return valid ? result : null;
  }

  /** Reports {@code field} as not allowed here when present. */
  void forbid(String field, String message) {
    known.add(field);
    if (node.has(field)) {
      report(field, message);
    }
  }

  /** Reports every field no accessor asked for, suggesting the intended one for case typos. */
  void rejectUnknownFields() {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!known.contains(field)) {
        String intended = known.stream().filter(k -> k.equalsIgnoreCase(field)).findFirst()
            .map(k -> " (did you mean '" + k + "'?)").orElse("");
        report(field, "unknown field '" + field + "'" + intended);
      }
    }
  }

  private static <E extends Enum<E>> List<String> names(Class<E> type) {
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.name());
    }
    return names;
  }
}
