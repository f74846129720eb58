package io.ordo.engine.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ordo.engine.model.WorkflowDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Helpers to parse definitions in tests and assert on their violations. */
final class Definitions {

  static final DefinitionParser PARSER = new DefinitionParser();

  private Definitions() {
  }

  /** A workflow with id "wf" and the given step objects. */
  static String workflow(String... steps) {
    return "{\"id\": \"wf\", \"steps\": [" + String.join(",", steps) + "]}";
  }

  /** A valid DATA_TRANSFORM step with extra fields, e.g. {@code step("a", "\"dependsOn\": [\"b\"]")}. */
  static String transform(String id, String... extraFields) {
    String extra = extraFields.length == 0 ? "" : ", " + String.join(", ", extraFields);
    return "{\"id\": \"" + id + "\", \"type\": \"DATA_TRANSFORM\", \"expression\": 1" + extra + "}";
  }

  static WorkflowDefinition valid(String json) {
    ParseResult result = PARSER.parse(json);
    if (result instanceof ParseResult.Invalid invalid) {
      fail("expected a valid definition, got " + describe(invalid.violations()));
    }
    return ((ParseResult.Valid) result).definition();
  }

  static List<Violation> violations(String json) {
    ParseResult result = PARSER.parse(json);
    if (result instanceof ParseResult.Invalid invalid) {
      return invalid.violations();
    }
    return fail("expected violations, the definition is valid");
  }

  /** Asserts exactly one violation, at {@code pointer}, whose message contains {@code fragment}. */
  static void assertOnlyViolation(String json, String pointer, String fragment) {
    List<Violation> violations = violations(json);
    assertEquals(1, violations.size(), () -> "expected one violation, got " + describe(violations));
    assertViolation(violations, pointer, fragment);
  }

  static void assertViolation(List<Violation> violations, String pointer, String fragment) {
    assertTrue(violations.stream().anyMatch(v -> v.pointer().equals(pointer) && v.message().contains(fragment)),
        () -> "no violation at '" + pointer + "' containing '" + fragment + "' in " + describe(violations));
  }

  static String describe(List<Violation> violations) {
    return violations.stream().map(v -> "\n  " + v.pointer() + " -> " + v.message())
        .collect(Collectors.joining());
  }

  static String resource(String name) {
    try (InputStream in = Definitions.class.getResourceAsStream("/definitions/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
