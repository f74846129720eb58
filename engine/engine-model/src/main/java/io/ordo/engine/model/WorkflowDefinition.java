package io.ordo.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.expr.ValueTemplate;
import io.ordo.engine.model.schema.CompiledSchema;
import io.ordo.engine.model.steps.ParallelSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed and validated workflow definition. Instances only come out of the definition parser,
 * so every invariant of the DSL (unique ids, known references, no cycles) holds.
 *
 * @param metadata the {@code metadata} object as given, an empty object when absent
 * @param inputSchema schema the execution input must satisfy, or null
 * @param timeout whole-execution timeout, or null
 * @param steps the top-level steps in definition order
 * @param output template of the execution output, or null for the default (outputs by step id)
 * @param source the document as submitted, kept to return it unchanged
 */
public record WorkflowDefinition(String id, String name, String description, JsonNode metadata,
    CompiledSchema inputSchema, Duration timeout, StepDefaults defaults,
    List<StepDefinition> steps, ValueTemplate output, List<Goal> goals, JsonNode source) {

  public WorkflowDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(defaults, "defaults");
    Objects.requireNonNull(source, "source");
    steps = List.copyOf(steps);
    goals = List.copyOf(goals);
  }

  /** The step with this id, top-level or nested in PARALLEL branches. */
  public Optional<StepDefinition> step(String stepId) {
    return allSteps().stream().filter(step -> step.id().equals(stepId)).findFirst();
  }

  /**
   * Every step with an id, depth-first in definition order: a PARALLEL step is followed by the
   * steps of its branches, branch by branch in declaration order. FOR_EACH templates are not
   * listed separately because they share the id of their FOR_EACH step.
   */
  public List<StepDefinition> allSteps() {
    List<StepDefinition> all = new ArrayList<>();
    collect(steps, all);
    return List.copyOf(all);
  }

  private static void collect(List<StepDefinition> level, List<StepDefinition> into) {
    for (StepDefinition step : level) {
      into.add(step);
      if (step.spec() instanceof ParallelSpec parallel) {
        parallel.branches().values().forEach(branch -> collect(branch, into));
      }
    }
  }
}
