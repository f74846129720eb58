package io.ordo.http.dto;

import io.ordo.engine.runtime.definitions.CompiledWorkflow;
import io.ordo.engine.runtime.execution.logic.WorkflowPlan.Node;
import io.ordo.engine.runtime.execution.state.Execution;
import io.ordo.engine.runtime.execution.state.StepState;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/** Builds the API's view of an execution from its state and its definition. */
public final class ExecutionViews {

  private ExecutionViews() {}

  public static ExecutionView of(Execution ex, CompiledWorkflow workflow) {
    var steps = new ArrayList<StepView>();
    for (Node node : workflow.plan().nodes()) {
      steps.add(step(node, ex.steps().get(node.id())));
    }
    ErrorView error = null;
    if (ex.failure() != null) {
      var e = ex.failure().error();
      error = new ErrorView(e == null ? null : e.errorClass(), e == null ? null : e.message(),
          e == null ? null : e.retryable(), e == null ? null : e.details(),
          ex.failure().stepId(), ex.failure().by());
    }
    return new ExecutionView(ex.executionId(), ex.workflowId(), ex.version(), ex.status().name(),
        ex.input(), ex.output(), error, ex.triggeredBy(), ex.idempotencyKey(), ex.startedAt(),
        ex.endedAt(), ex.deadline(), ex.goalsReached(), steps);
  }

  private static StepView step(Node node, StepState s) {
    String type = node.type().name();
    if (s == null) {
      return new StepView(node.id(), type, "PENDING", 0, null, null, null, null, null, null,
          node.parent(), null);
    }
    return new StepView(node.id(), type, s.status().name(), s.attempts(), s.output(),
        ErrorView.of(s.error()), s.startedAt(), s.endedAt(),
        s.skipReason() == null ? null : s.skipReason().name(), s.dueAt(), node.parent(),
        s.items() == null ? null : itemCounts(s));
  }

  private static Map<String, Integer> itemCounts(StepState forEach) {
    var counts = new TreeMap<String, Integer>();
    counts.put("total", forEach.itemCount());
    for (StepState item : forEach.itemStates().values()) {
      counts.merge(item.status().name().toLowerCase(), 1, Integer::sum);
    }
    counts.put("pending", forEach.itemCount() - forEach.itemStates().size());
    return counts;
  }
}
