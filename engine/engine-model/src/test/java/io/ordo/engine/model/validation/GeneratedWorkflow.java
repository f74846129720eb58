package io.ordo.engine.model.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A random workflow of DATA_TRANSFORM, WAIT and CONDITIONAL steps whose edges all go from an
 * earlier to a later step of a random permutation, so it is a DAG; {@link #closeCycle} then adds
 * one back edge.
 */
final class GeneratedWorkflow {

  /** One generated step; {@code branches} only for CONDITIONAL. */
  record Step(String id, String type, List<String> dependsOn, List<List<String>> branches, List<String> otherwise) {
  }

  /** An edge: {@code to} runs after {@code from}. */
  record Edge(String from, String to) {
  }

  final List<Step> steps = new ArrayList<>();
  private final Random random;

  private GeneratedWorkflow(Random random) {
    this.random = random;
  }

  static GeneratedWorkflow dag(int size, long seed) {
    GeneratedWorkflow workflow = new GeneratedWorkflow(new Random(seed));
    List<Integer> rank = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      rank.add(i);
    }
    Collections.shuffle(rank, workflow.random);
    String[] types = {"DATA_TRANSFORM", "WAIT", "CONDITIONAL"};
    for (int i = 0; i < size; i++) {
      String type = types[workflow.random.nextInt(types.length)];
      List<String> dependsOn = new ArrayList<>();
      List<String> later = new ArrayList<>();
      for (int j = 0; j < size; j++) {
        if (rank.get(j) < rank.get(i) && workflow.random.nextInt(4) == 0) {
          dependsOn.add(id(j));
        } else if (rank.get(j) > rank.get(i) && workflow.random.nextInt(3) == 0) {
          later.add(id(j));
        }
      }
      List<List<String>> branches = new ArrayList<>();
      List<String> otherwise = new ArrayList<>();
      if (type.equals("CONDITIONAL")) {
        branches.add(new ArrayList<>());
        branches.add(new ArrayList<>());
        for (String target : later) {
          int slot = workflow.random.nextInt(3);
          (slot == 2 ? otherwise : branches.get(slot)).add(target);
        }
      }
      workflow.steps.add(new Step(id(i), type, dependsOn, branches, otherwise));
    }
    return workflow;
  }

  static String id(int index) {
    return "step-" + index;
  }

  Set<Edge> edges() {
    Set<Edge> edges = new LinkedHashSet<>();
    for (Step step : steps) {
      step.dependsOn().forEach(dependency -> edges.add(new Edge(dependency, step.id())));
      step.branches().forEach(next -> next.forEach(target -> edges.add(new Edge(step.id(), target))));
      step.otherwise().forEach(target -> edges.add(new Edge(step.id(), target)));
    }
    return edges;
  }

  /** Adds the reverse of a random existing edge (or a self-dependency when there is none). */
  void closeCycle() {
    List<Edge> edges = new ArrayList<>(edges());
    if (edges.isEmpty()) {
      Step step = steps.get(random.nextInt(steps.size()));
      step.dependsOn().add(step.id());
      return;
    }
    Edge edge = edges.get(random.nextInt(edges.size()));
    Step from = step(edge.from());
    Step to = step(edge.to());
    // The back edge to → from, either explicit or implied by a CONDITIONAL target.
    if (to.type().equals("CONDITIONAL") && random.nextBoolean()) {
      to.otherwise().add(from.id());
    } else {
      from.dependsOn().add(to.id());
    }
  }

  Step step(String id) {
    return steps.stream().filter(step -> step.id().equals(id)).findFirst().orElseThrow();
  }

  int indexOf(String id) {
    return steps.indexOf(step(id));
  }

  String toJson() {
    return "{\"id\": \"generated\", \"steps\": ["
        + steps.stream().map(GeneratedWorkflow::toJson).collect(Collectors.joining(",\n")) + "]}";
  }

  private static String toJson(Step step) {
    String common = "\"id\": \"" + step.id() + "\", \"type\": \"" + step.type() + "\", \"dependsOn\": "
        + strings(step.dependsOn());
    if (step.type().equals("WAIT")) {
      return "{" + common + ", \"duration\": \"PT1S\"}";
    }
    if (step.type().equals("DATA_TRANSFORM")) {
      return "{" + common + ", \"expression\": \"${ .input }\"}";
    }
    String branches = step.branches().stream()
        .map(next -> "{\"when\": \"${ .input.flag }\", \"next\": " + strings(next) + "}")
        .collect(Collectors.joining(", "));
    return "{" + common + ", \"branches\": [" + branches + "], \"otherwise\": " + strings(step.otherwise()) + "}";
  }

  private static String strings(List<String> values) {
    return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
  }
}
