package io.ordo.engine.runtime.execution.logic;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.OnError;
import io.ordo.engine.model.steps.ConditionalSpec;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.SkipReason;
import io.ordo.engine.runtime.execution.logic.WorkflowPlan.Node;
import io.ordo.engine.runtime.execution.state.Execution;
import io.ordo.engine.runtime.execution.state.StepState;
import io.ordo.engine.runtime.lifecycle.StepStatus;
import java.util.List;

/**
 * Decides whether a pending step can be resolved yet, and if so whether it runs or is skipped
 * as a dead path. An edge into a step is active when its source completed, failed with
 * {@code onError: CONTINUE} or was skipped by its own {@code when}; an edge from a CONDITIONAL
 * to one of its targets is active only when the taken branch names that target. A step runs when
 * it has no dependencies or at least one active edge.
 */
final class Readiness {

  /** Not yet, run, or skip for a reason. */
  record Verdict(boolean resolved, boolean run, SkipReason reason) {
    static final Verdict NOT_YET = new Verdict(false, false, null);
    static final Verdict RUN = new Verdict(true, true, null);

    static Verdict skip(SkipReason reason) {
      return new Verdict(true, false, reason);
    }
  }

  private final WorkflowPlan plan;

  Readiness(WorkflowPlan plan) {
    this.plan = plan;
  }

  Verdict of(Node node, Execution ex) {
    return node.isTopLevel() ? topLevel(node, ex) : inBranch(node, ex);
  }

  private Verdict topLevel(Node node, Execution ex) {
    if (node.dependencies().isEmpty()) {
      return Verdict.RUN;
    }
    boolean anyActive = false;
    boolean branchNotTaken = false;
    for (String dep : node.dependencies()) {
      StepState source = ex.steps().get(dep);
      if (source == null || !source.status().isTerminal() || failsTheRun(dep, source)) {
        return Verdict.NOT_YET;
      }
      if (plan.targetsOf(dep).contains(node.id())) {
        // A CONDITIONAL that did not run took no branch: its targets are a dead path.
        boolean decided = source.status() == StepStatus.COMPLETED;
        boolean taken = decided && takenTargets(dep, source.output()).contains(node.id());
        anyActive |= taken;
        branchNotTaken |= decided && !taken;
      } else {
        anyActive |= source.passesThrough();
      }
    }
    if (anyActive) {
      return Verdict.RUN;
    }
    return Verdict.skip(branchNotTaken ? SkipReason.BRANCH_NOT_TAKEN : SkipReason.UNREACHABLE);
  }

  /** Inside a running PARALLEL: the first step of a branch runs at once, the others in turn. */
  private Verdict inBranch(Node node, Execution ex) {
    StepState parent = ex.steps().get(node.parent());
    if (parent == null || parent.status() != StepStatus.RUNNING) {
      return Verdict.NOT_YET;
    }
    if (node.previous() == null) {
      return Verdict.RUN;
    }
    StepState previous = ex.steps().get(node.previous());
    if (previous == null || !previous.status().isTerminal()
        || failsTheRun(node.previous(), previous)) {
      return Verdict.NOT_YET;
    }
    return previous.passesThrough() ? Verdict.RUN : Verdict.skip(SkipReason.UNREACHABLE);
  }

  /**
   * A step that failed with {@code onError: FAIL} ends its execution (or its PARALLEL), so what
   * depends on it never becomes ready.
   */
  private boolean failsTheRun(String stepId, StepState state) {
    return state.status() == StepStatus.FAILED
        && plan.node(stepId).step().onError() == OnError.FAIL;
  }

  /** The targets of the branch a completed CONDITIONAL took, from its recorded output. */
  List<String> takenTargets(String conditionalId, JsonNode output) {
    var spec = (ConditionalSpec) plan.node(conditionalId).step().spec();
    JsonNode branch = output == null ? null : output.get("branch");
    if (branch == null || branch.isNull()) {
      return List.of();
    }
    if (branch.isInt() && branch.asInt() >= 0 && branch.asInt() < spec.branches().size()) {
      return spec.branches().get(branch.asInt()).next();
    }
    return "otherwise".equals(branch.asText()) ? spec.otherwise() : List.of();
  }
}
