package io.ordo.engine.model.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ordo.engine.model.WorkflowDefinition;
import io.ordo.engine.model.validation.DefinitionParser;
import io.ordo.engine.model.validation.ParseResult;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StepGraphTest {

  private static StepGraph graph(String nodes, String... edges) {
    StepGraph.Builder builder = StepGraph.builder();
    for (String node : nodes.split(" ")) {
      builder.node(node);
    }
    for (String edge : edges) {
      builder.edge(edge.substring(0, 1), edge.substring(1));
    }
    return builder.build();
  }

  @Test
  void ordersTopologicallyBreakingTiesByDefinitionOrder() {
    assertEquals(Optional.of(List.of("c", "a", "b", "d")), graph("c a b d", "ab", "cd", "bd").topologicalOrder());
  }

  @Test
  void hasNoTopologicalOrderWithACycle() {
    StepGraph graph = graph("a b c", "ab", "bc", "ca");
    assertTrue(graph.topologicalOrder().isEmpty());
    assertFalse(graph.isAcyclic());
  }

  @Test
  void findsEveryElementaryCycleOnceFromItsEarliestMember() {
    StepGraph graph = graph("a b c d", "ab", "ba", "bc", "cb", "cd", "da", "aa");
    List<List<String>> cycles = graph.cycles(100);
    assertEquals(4, cycles.size(), cycles.toString());
    assertEquals(Set.of(List.of("a"), List.of("a", "b"), List.of("a", "b", "c", "d"), List.of("b", "c")),
        Set.copyOf(cycles));
  }

  @Test
  void limitsTheNumberOfCycles() {
    StepGraph.Builder builder = StepGraph.builder();
    String[] nodes = {"a", "b", "c", "d", "e", "f", "g"};
    for (String node : nodes) {
      builder.node(node);
    }
    for (String from : nodes) {
      for (String to : nodes) {
        if (!from.equals(to)) {
          builder.edge(from, to);
        }
      }
    }
    assertEquals(25, builder.build().cycles(25).size());
  }

  @Test
  void acyclicGraphHasNoCycles() {
    assertEquals(List.of(), graph("a b c", "ab", "ac", "bc").cycles(10));
  }

  @Test
  void rejectsEdgesBetweenUnknownNodes() {
    assertThrows(IllegalArgumentException.class, () -> graph("a", "ab"));
  }

  @Test
  void buildsFromDefinitionWithImplicitConditionalEdges() {
    ParseResult result = new DefinitionParser().parse("""
        {"id": "wf", "steps": [
          {"id": "check", "type": "CONDITIONAL", "branches": [{"when": true, "next": ["yes"]}], "otherwise": ["no"]},
          {"id": "yes", "type": "DATA_TRANSFORM", "expression": 1},
          {"id": "no", "type": "DATA_TRANSFORM", "expression": 2, "dependsOn": ["check"]},
          {"id": "end", "type": "DATA_TRANSFORM", "expression": 3, "dependsOn": ["yes", "no"]}]}
        """);
    WorkflowDefinition definition = ((ParseResult.Valid) result).definition();
    StepGraph graph = StepGraph.of(definition.steps());
    assertEquals(Set.of("yes", "no"), graph.successors("check"));
    assertEquals(Set.of("check"), graph.predecessors("yes"));
    assertEquals(Set.of("yes", "no"), graph.predecessors("end"));
    assertEquals(Optional.of(List.of("check", "yes", "no", "end")), graph.topologicalOrder());
  }
}
