package io.ordo.engine.model.validation;

import io.ordo.engine.model.WorkflowDefinition;
import java.util.List;
import java.util.Objects;

/** The outcome of parsing a definition: the model, or every violation found. */
public sealed interface ParseResult permits ParseResult.Valid, ParseResult.Invalid {

  /** The definition satisfies every rule of the DSL. */
  record Valid(WorkflowDefinition definition) implements ParseResult {
    public Valid {
      Objects.requireNonNull(definition, "definition");
    }
  }

  /** At least one violation; all of them are listed, in document order then rule order. */
  record Invalid(List<Violation> violations) implements ParseResult {
    public Invalid {
      violations = List.copyOf(violations);
      if (violations.isEmpty()) {
        throw new IllegalArgumentException("an invalid result needs a violation");
      }
    }
  }
}
