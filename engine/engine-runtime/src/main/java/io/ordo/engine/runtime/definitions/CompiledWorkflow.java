package io.ordo.engine.runtime.definitions;

import io.ordo.engine.model.WorkflowDefinition;
import io.ordo.engine.runtime.execution.logic.WorkflowPlan;

/** A validated definition with its expressions compiled and its plan built: made once, shared. */
public record CompiledWorkflow(WorkflowKey key, WorkflowDefinition definition, WorkflowPlan plan) {

  public static CompiledWorkflow of(WorkflowKey key, WorkflowDefinition definition) {
    return new CompiledWorkflow(key, definition, new WorkflowPlan(definition));
  }
}
