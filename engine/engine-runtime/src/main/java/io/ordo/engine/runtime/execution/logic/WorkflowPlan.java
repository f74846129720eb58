package io.ordo.engine.runtime.execution.logic;

import io.ordo.engine.model.StepDefinition;
import io.ordo.engine.model.StepType;
import io.ordo.engine.model.WorkflowDefinition;
import io.ordo.engine.model.steps.ConditionalSpec;
import io.ordo.engine.model.steps.ParallelSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A definition flattened into one graph: top-level steps with their dependencies (explicit, and
 * implicit from a CONDITIONAL to its targets), and the steps of PARALLEL branches as sequences
 * owned by their PARALLEL step. Built once per definition version and shared.
 */
public final class WorkflowPlan {

  /**
   * One step in the plan. {@code parent} is the owning PARALLEL (null at top level) and
   * {@code previous} the step before it in its branch (null for the first).
   */
  public record Node(StepDefinition step, String parent, String branch, String previous,
      List<String> dependencies) {
    public String id() {
      return step.id();
    }

    public StepType type() {
      return step.type();
    }

    public boolean isTopLevel() {
      return parent == null;
    }
  }

  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, Node> byId = new LinkedHashMap<>();
  private final List<Node> topLevel = new ArrayList<>();
  private final Map<String, Set<String>> conditionalTargets = new LinkedHashMap<>();
  private final Map<String, Map<String, List<Node>>> branches = new LinkedHashMap<>();

  public WorkflowPlan(WorkflowDefinition definition) {
    Map<String, Set<String>> implicit = implicitDependencies(definition.steps());
    for (StepDefinition step : definition.steps()) {
      var deps = new LinkedHashSet<>(step.dependsOn());
      deps.addAll(implicit.getOrDefault(step.id(), Set.of()));
      Node node = new Node(step, null, null, null, List.copyOf(deps));
      add(node);
      topLevel.add(node);
      addBranches(step);
    }
  }

  private void add(Node node) {
    nodes.add(node);
    byId.put(node.id(), node);
  }

  private void addBranches(StepDefinition step) {
    if (!(step.spec() instanceof ParallelSpec parallel)) {
      return;
    }
    var owned = new LinkedHashMap<String, List<Node>>();
    for (var branch : parallel.branches().entrySet()) {
      var sequence = new ArrayList<Node>();
      String previous = null;
      for (StepDefinition inner : branch.getValue()) {
        Node node = new Node(inner, step.id(), branch.getKey(), previous, List.of());
        add(node);
        sequence.add(node);
        addBranches(inner);
        previous = inner.id();
      }
      owned.put(branch.getKey(), Collections.unmodifiableList(sequence));
    }
    branches.put(step.id(), Collections.unmodifiableMap(owned));
  }

  private Map<String, Set<String>> implicitDependencies(List<StepDefinition> steps) {
    var implicit = new LinkedHashMap<String, Set<String>>();
    for (StepDefinition step : steps) {
      if (step.spec() instanceof ConditionalSpec conditional) {
        var targets = new LinkedHashSet<String>();
        conditional.branches().forEach(b -> targets.addAll(b.next()));
        targets.addAll(conditional.otherwise());
        conditionalTargets.put(step.id(), Collections.unmodifiableSet(targets));
        targets.forEach(t -> implicit.computeIfAbsent(t, k -> new HashSet<>()).add(step.id()));
      }
    }
    return implicit;
  }

  /** Every step, in definition order (a PARALLEL is followed by its branches' steps). */
  public List<Node> nodes() {
    return Collections.unmodifiableList(nodes);
  }

  public List<Node> topLevel() {
    return Collections.unmodifiableList(topLevel);
  }

  public Node node(String id) {
    Node node = byId.get(id);
    if (node == null) {
      throw new IllegalArgumentException("no step " + id);
    }
    return node;
  }

  public boolean contains(String id) {
    return byId.containsKey(id);
  }

  /** Every step a CONDITIONAL may route to, over all its branches and {@code otherwise}. */
  public Set<String> targetsOf(String conditionalId) {
    return conditionalTargets.getOrDefault(conditionalId, Set.of());
  }

  /** The branches of a PARALLEL step, each a sequence of steps. */
  public Map<String, List<Node>> branchesOf(String parallelId) {
    return branches.getOrDefault(parallelId, Map.of());
  }

  /** Every step inside a PARALLEL, nested PARALLELs included. */
  public List<Node> descendantsOf(String parallelId) {
    var all = new ArrayList<Node>();
    for (List<Node> sequence : branchesOf(parallelId).values()) {
      for (Node node : sequence) {
        all.add(node);
        all.addAll(descendantsOf(node.id()));
      }
    }
    return all;
  }
}
