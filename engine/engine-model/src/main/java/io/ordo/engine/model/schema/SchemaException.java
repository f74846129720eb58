package io.ordo.engine.model.schema;

import java.util.List;
import java.util.stream.Collectors;

/** A document that is not a valid JSON Schema (draft 2020-12); every problem is listed. */
public class SchemaException extends Exception {

  private final List<SchemaViolation> violations;

  public SchemaException(List<SchemaViolation> violations) {
    super("invalid JSON Schema: " + violations.stream()
        .map(SchemaViolation::describe).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  /** Pointers are relative to the schema document. */
  public List<SchemaViolation> violations() {
    return violations;
  }
}
