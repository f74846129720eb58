package io.ordo.engine.runtime.execution.logic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.engine.model.OnError;
import io.ordo.engine.model.ParallelMode;
import io.ordo.engine.model.StepDefinition;
import io.ordo.engine.model.steps.ForEachSpec;
import io.ordo.engine.model.steps.ParallelSpec;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.SkipReason;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepSkipped;
import io.ordo.engine.runtime.execution.logic.WorkflowPlan.Node;
import io.ordo.engine.runtime.execution.state.StepState;
import io.ordo.engine.runtime.lifecycle.StepStatus;
import io.ordo.engine.runtime.steps.ErrorClasses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves the running container steps on: a PARALLEL completes or fails from its branches, a
 * FOR_EACH starts items up to its concurrency and completes or fails from them. Each method
 * answers whether it emitted anything.
 */
final class Containers {

  private final DecisionContext dc;
  private final StepStarter starter;
  private final Outcomes outcomes;
  private final Cancellation cancellation;

  Containers(DecisionContext dc, StepStarter starter, Outcomes outcomes,
      Cancellation cancellation) {
    this.dc = dc;
    this.starter = starter;
    this.outcomes = outcomes;
    this.cancellation = cancellation;
  }

  boolean progressParallel(Decision d, Node parallel) {
    Map<String, List<Node>> branches = dc.plan().branchesOf(parallel.id());
    for (var branch : branches.entrySet()) {
      for (Node node : branch.getValue()) {
        StepState state = d.state().steps().get(node.id());
        if (state != null && state.status() == StepStatus.FAILED
            && node.step().onError() == OnError.FAIL) {
          endAll(d, dc.plan().descendantsOf(parallel.id()), SkipReason.PARENT_FAILED,
              "branch '" + branch.getKey() + "' failed");
          outcomes.fail(d, parallel.step(), null, 1, StepError.of(ErrorClasses.BRANCH_FAILED,
              "branch '" + branch.getKey() + "' failed at step '" + node.id() + "': "
                  + state.error().message(), false), null);
          return true;
        }
      }
    }
    var mode = ((ParallelSpec) parallel.step().spec()).mode();
    return mode == ParallelMode.ALL ? completeAll(d, parallel, branches)
        : completeAny(d, parallel, branches);
  }

  private boolean completeAll(Decision d, Node parallel, Map<String, List<Node>> branches) {
    ObjectNode output = JsonNodeFactory.instance.objectNode();
    for (var branch : branches.entrySet()) {
      StepState last = lastOf(d, branch.getValue());
      if (last == null || !last.status().isTerminal()) {
        return false;
      }
      output.set(branch.getKey(), last.output() == null ? NullNode.getInstance() : last.output());
    }
    outcomes.succeed(d, parallel.step(), null, 1, output);
    return true;
  }

  private boolean completeAny(Decision d, Node parallel, Map<String, List<Node>> branches) {
    for (var branch : branches.entrySet()) {
      StepState last = lastOf(d, branch.getValue());
      if (last != null && last.status().isTerminal() && last.passesThrough()) {
        for (var other : branches.entrySet()) {
          if (!other.getKey().equals(branch.getKey())) {
            endLosingBranch(d, other.getValue());
          }
        }
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.set(branch.getKey(), last.output() == null ? NullNode.getInstance() : last.output());
        outcomes.succeed(d, parallel.step(), null, 1, output);
        return true;
      }
    }
    return false;
  }

  private void endLosingBranch(Decision d, List<Node> sequence) {
    endAll(d, withDescendants(sequence), SkipReason.OTHER_BRANCH_WON, "another branch won");
  }

  /** Cancels what runs and skips what never started, nested PARALLELs included. */
  private void endAll(Decision d, List<Node> nodes, SkipReason reason, String why) {
    for (Node node : nodes) {
      StepState state = d.state().steps().get(node.id());
      if (state == null) {
        d.emit(new StepSkipped(node.id(), null, reason, dc.now()));
      } else if (state.status().isActive()) {
        cancellation.cancelStep(d, node.id(), why);
      }
    }
  }

  private List<Node> withDescendants(List<Node> sequence) {
    var all = new ArrayList<Node>();
    for (Node node : sequence) {
      all.add(node);
      all.addAll(dc.plan().descendantsOf(node.id()));
    }
    return all;
  }

  private static StepState lastOf(Decision d, List<Node> sequence) {
    return d.state().steps().get(sequence.get(sequence.size() - 1).id());
  }

  boolean progressForEach(Decision d, Node forEach) {
    var spec = (ForEachSpec) forEach.step().spec();
    StepDefinition template = spec.step();
    StepState state = d.state().steps().get(forEach.id());
    for (StepState item : state.itemStates().values()) {
      if (item.status() == StepStatus.FAILED && template.onError() == OnError.FAIL) {
        cancellation.cancelItems(d, forEach.id(), "item " + item.item() + " failed");
        outcomes.fail(d, forEach.step(), null, 1, StepError.of(ErrorClasses.ITEM_FAILED,
            "item " + item.item() + " failed: " + item.error().message(), false), null);
        return true;
      }
    }
    if (state.itemStates().size() == state.itemCount()
        && state.itemStates().values().stream().allMatch(s -> s.status().isTerminal())) {
      ArrayNode output = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < state.itemCount(); i++) {
        StepState item = state.itemStates().get(i);
        output.add(item.output() == null ? NullNode.getInstance() : item.output());
      }
      outcomes.succeed(d, forEach.step(), null, 1, output);
      return true;
    }
    return startItems(d, forEach, spec);
  }

  private boolean startItems(Decision d, Node forEach, ForEachSpec spec) {
    boolean progressed = false;
    StepState state = d.state().steps().get(forEach.id());
    long active = state.itemStates().values().stream().filter(s -> s.status().isActive()).count();
    for (int i = 0; i < state.itemCount() && active < spec.concurrency(); i++) {
      if (state.itemStates().containsKey(i)) {
        continue;
      }
      starter.start(d, spec.step(), i, state.items().get(i));
      progressed = true;
      state = d.state().steps().get(forEach.id());
      if (state.itemStates().get(i).status().isActive()) {
        active++;
      }
    }
    return progressed;
  }
}
