package io.ordo.engine.model.validation;

import io.ordo.engine.model.graph.StepGraph;
import io.ordo.engine.model.validation.DefinitionOutline.Reference;
import io.ordo.engine.model.validation.DefinitionOutline.StepOutline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The top-level steps form a DAG. Edges are the {@code dependsOn} entries and the implicit ones
 * from a CONDITIONAL to its targets. Each distinct cycle is reported once, from its member that
 * comes first in definition order, at that member's {@code dependsOn}.
 */
final class AcyclicDependenciesRule implements DefinitionRule {

  /** A dense tangle has exponentially many cycles; the first ones are enough to act on. */
  static final int MAX_REPORTED_CYCLES = 20;

  @Override
  public List<Violation> check(DefinitionOutline outline) {
    Map<String, StepOutline> steps = new HashMap<>();
    StepGraph.Builder graph = StepGraph.builder();
    for (StepOutline step : outline.steps()) {
      // A duplicate id is reported by its own rule; its edges would only add confusion here.
      if (step.id() != null && steps.putIfAbsent(step.id(), step) == null) {
        graph.node(step.id());
      }
    }
    for (StepOutline step : steps.values()) {
      step.dependsOn().forEach(dependency -> graph.edgeIfKnown(dependency.value(), step.id()));
      for (Reference target : step.targets()) {
        if (!target.value().equals(step.id())) {
          graph.edgeIfKnown(step.id(), target.value());
        }
      }
    }
    List<Violation> violations = new ArrayList<>();
    for (List<String> cycle : graph.build().cycles(MAX_REPORTED_CYCLES)) {
      StepOutline first = steps.get(cycle.get(0));
      String pointer =
          first.dependsOn().isEmpty() ? first.pointer() : first.pointer() + "/dependsOn";
      violations.add(new Violation(pointer,
          "dependency cycle: " + String.join(" → ", cycle) + " → " + cycle.get(0)));
    }
    return violations;
  }
}
