package io.ordo.engine.runtime.execution.logic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import io.ordo.engine.runtime.execution.state.Execution;
import io.ordo.engine.runtime.execution.state.StepState;

/** Builds the JSON context expressions see: {@code {input, steps, execution, item, index}}. */
public final class ExpressionContexts {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ExpressionContexts() {}

  public static ObjectNode of(Execution ex) {
    ObjectNode ctx = JSON.objectNode();
    ctx.set("input", ex.input() == null ? NullNode.getInstance() : ex.input());
    ObjectNode steps = ctx.putObject("steps");
    for (StepState step : ex.steps().values()) {
      steps.set(step.stepId(), stepView(step));
    }
    ObjectNode execution = ctx.putObject("execution");
    execution.put("id", ex.executionId());
    execution.put("workflowId", ex.workflowId());
    execution.put("version", ex.version());
    execution.put("startedAt", ex.startedAt().toString());
    execution.put("workspaceId", ex.workspaceId());
    execution.put("retries", ex.retries());
    return ctx;
  }

  /** The same context with the FOR_EACH item in view. */
  public static ObjectNode forItem(ObjectNode base, JsonNode item, int index) {
    ObjectNode ctx = shallowCopy(base);
    ctx.set("item", item);
    ctx.put("index", index);
    return ctx;
  }

  /** The context an artifact's value sees: the step's own output as {@code .output}. */
  static ObjectNode withOutput(ObjectNode base, JsonNode output) {
    ObjectNode ctx = shallowCopy(base);
    ctx.set("output", output);
    return ctx;
  }

  // Contexts are never mutated after they are built, so sharing the children is safe and keeps a
  // FOR_EACH over many items linear.
  private static ObjectNode shallowCopy(ObjectNode base) {
    ObjectNode copy = JSON.objectNode();
    base.properties().forEach(e -> copy.set(e.getKey(), e.getValue()));
    return copy;
  }

  public static ObjectNode stepView(StepState step) {
    ObjectNode view = JSON.objectNode();
    view.put("status", step.status().name());
    view.set("output", step.output() == null ? NullNode.getInstance() : step.output());
    view.set("error", errorView(step.error()));
    view.put("attempts", step.attempts());
    return view;
  }

  public static JsonNode errorView(StepError error) {
    if (error == null) {
      return NullNode.getInstance();
    }
    ObjectNode view = JSON.objectNode();
    view.put("class", error.errorClass());
    view.put("message", error.message());
    if (error.details() != null) {
      view.set("details", error.details());
    }
    return view;
  }
}
