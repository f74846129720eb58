package io.ordo.engine.model;

import io.ordo.engine.model.expr.ValueTemplate;
import java.util.Objects;

/** A named business outcome, evaluated over the final context of an execution. */
public record Goal(String name, ValueTemplate when) {

  public Goal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(when, "when");
  }
}
