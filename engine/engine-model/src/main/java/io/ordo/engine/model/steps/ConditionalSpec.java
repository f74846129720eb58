package io.ordo.engine.model.steps;

import io.ordo.engine.model.expr.ValueTemplate;
import java.util.List;
import java.util.Objects;

/**
 * Chooses which of its dependents run: the first branch whose {@code when} is true is taken,
 * else {@code otherwise}. Every target is a top-level step that implicitly depends on this one.
 */
public record ConditionalSpec(List<Branch> branches, List<String> otherwise) implements StepSpec {

  public ConditionalSpec {
    branches = List.copyOf(branches);
    otherwise = List.copyOf(otherwise);
  }

  /** One guarded choice; {@code next} lists the ids of the steps it enables. */
  public record Branch(ValueTemplate when, List<String> next) {

    public Branch {
      Objects.requireNonNull(when, "when");
      next = List.copyOf(next);
    }
  }
}
