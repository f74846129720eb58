package io.ordo.engine.model.graph;

import io.ordo.engine.model.StepDefinition;
import io.ordo.engine.model.steps.ConditionalSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The dependency graph of a definition's top-level steps. An edge {@code a → b} means b runs after
 * a: b lists a in {@code dependsOn}, or a is a CONDITIONAL naming b in a branch or otherwise.
 * Nodes keep definition order, which breaks every tie, so all results are deterministic.
 * Immutable.
 */
public final class StepGraph {

  private final List<String> nodes;
  private final Map<String, Integer> index;
  private final Map<String, Set<String>> successors;
  private final Map<String, Set<String>> predecessors;

  private StepGraph(Builder builder) {
    this.nodes = List.copyOf(builder.successors.keySet());
    this.index = new LinkedHashMap<>();
    this.successors = new LinkedHashMap<>();
    this.predecessors = new LinkedHashMap<>();
    for (String node : nodes) {
      index.put(node, index.size());
      predecessors.put(node, new LinkedHashSet<>());
    }
    builder.successors.forEach((from, targets) -> {
      successors.put(from, Collections.unmodifiableSet(new LinkedHashSet<>(targets)));
      targets.forEach(to -> predecessors.get(to).add(from));
    });
    predecessors.replaceAll((node, sources) -> Collections.unmodifiableSet(sources));
  }

  /** The graph of {@code steps} (the top level of a definition); unknown references are ignored. */
  public static StepGraph of(List<StepDefinition> steps) {
    Builder builder = builder();
    steps.forEach(step -> builder.node(step.id()));
    for (StepDefinition step : steps) {
      step.dependsOn().forEach(dependency -> builder.edgeIfKnown(dependency, step.id()));
      if (step.spec() instanceof ConditionalSpec conditional) {
        conditional.branches().forEach(branch ->
            branch.next().forEach(target -> builder.edgeIfKnown(step.id(), target)));
        conditional.otherwise().forEach(target -> builder.edgeIfKnown(step.id(), target));
      }
    }
    return builder.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Step ids in definition order. */
  public List<String> nodes() {
    return nodes;
  }

  /** Steps that run after {@code id} because of it. */
  public Set<String> successors(String id) {
    return successors.getOrDefault(id, Set.of());
  }

  /** Steps {@code id} waits for, explicit and implicit. */
  public Set<String> predecessors(String id) {
    return predecessors.getOrDefault(id, Set.of());
  }

  /** Position of {@code id} in definition order, or -1. */
  public int indexOf(String id) {
    return index.getOrDefault(id, -1);
  }

  /** Every step after all its predecessors, ties in definition order; empty if there is a cycle. */
  public Optional<List<String>> topologicalOrder() {
    Map<String, Integer> waiting = new LinkedHashMap<>();
    PriorityQueue<String> ready = new PriorityQueue<>((a, b) -> index.get(a) - index.get(b));
    for (String node : nodes) {
      waiting.put(node, predecessors(node).size());
      if (predecessors(node).isEmpty()) {
        ready.add(node);
      }
    }
    List<String> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      String node = ready.poll();
      order.add(node);
      for (String next : successors(node)) {
        if (waiting.merge(next, -1, Integer::sum) == 0) {
          ready.add(next);
        }
      }
    }
    return order.size() == nodes.size() ? Optional.of(List.copyOf(order)) : Optional.empty();
  }

  public boolean isAcyclic() {
    return topologicalOrder().isPresent();
  }

  /**
   * The distinct elementary cycles, at most {@code limit} of them. Each is listed once, from its
   * member that comes first in definition order, following the edges: {@code [a, b, c]} stands
   * for {@code a → b → c → a}.
   */
  public List<List<String>> cycles(int limit) {
    return isAcyclic() ? List.of() : new CycleFinder(this, limit).find();
  }

  /** Collects nodes (definition order) and edges; edges may only join known nodes. */
  public static final class Builder {

    private final Map<String, Set<String>> successors = new LinkedHashMap<>();

    private Builder() {
    }

    public Builder node(String id) {
      successors.putIfAbsent(id, new LinkedHashSet<>());
      return this;
    }

    /** Adds {@code from → to}: {@code to} runs after {@code from}. */
    public Builder edge(String from, String to) {
      if (!successors.containsKey(from) || !successors.containsKey(to)) {
        throw new IllegalArgumentException("edge between unknown steps: " + from + " → " + to);
      }
      successors.get(from).add(to);
      return this;
    }

    public Builder edgeIfKnown(String from, String to) {
      return successors.containsKey(from) && successors.containsKey(to) ? edge(from, to) : this;
    }

    public StepGraph build() {
      return new StepGraph(this);
    }
  }
}
