package io.ordo.engine.model.steps;

import io.ordo.engine.model.expr.ValueTemplate;
import java.util.Objects;

/**
 * Starts a child execution and waits for it.
 *
 * @param version the child's version, or null for the latest when the step starts
 * @param input template of the child's input, or null for {@code {}}
 */
public record SubWorkflowSpec(String workflow, Integer version, ValueTemplate input)
    implements StepSpec {

  public SubWorkflowSpec {
    Objects.requireNonNull(workflow, "workflow");
  }
}
