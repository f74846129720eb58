package io.ordo.engine.model;

import io.ordo.engine.model.expr.ValueTemplate;
import java.util.Objects;

/**
 * A value a step keeps as a named artifact of the execution.
 *
 * @param value template over the context plus {@code .output}; null means the whole output
 * @param contentType optional media type, null when not given
 */
public record ArtifactSpec(String name, ValueTemplate value, String contentType) {

  public ArtifactSpec {
    Objects.requireNonNull(name, "name");
  }
}
