package io.ordo.engine.model.steps;

import io.ordo.engine.model.ParallelMode;
import io.ordo.engine.model.StepDefinition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Named branches run side by side; the steps of one branch run in sequence.
 *
 * @param branches branch name to its steps, in declaration order
 */
public record ParallelSpec(Map<String, List<StepDefinition>> branches, ParallelMode mode)
    implements StepSpec {

  public ParallelSpec {
    Objects.requireNonNull(mode, "mode");
    var copy = new LinkedHashMap<String, List<StepDefinition>>();
    branches.forEach((name, steps) -> copy.put(name, List.copyOf(steps)));
    branches = Collections.unmodifiableMap(copy);
  }
}
