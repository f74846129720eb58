package io.ordo.engine.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ordo.engine.model.WorkflowDefinition;
import io.ordo.engine.model.graph.StepGraph;
import io.ordo.engine.model.validation.GeneratedWorkflow.Edge;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The parser over random dependency graphs: every DAG is accepted, every cycle is named. */
class DefinitionParserPropertiesTest {

  private static final String CYCLE_PREFIX = "dependency cycle: ";
  private final DefinitionParser parser = new DefinitionParser();

  @Property(tries = 200)
  void acceptsEveryDag(@ForAll @IntRange(min = 1, max = 40) int size, @ForAll long seed) {
    GeneratedWorkflow generated = GeneratedWorkflow.dag(size, seed);
    ParseResult result = parser.parse(generated.toJson());
    assertInstanceOf(ParseResult.Valid.class, result, () -> result.toString());
    WorkflowDefinition definition = ((ParseResult.Valid) result).definition();

    List<String> order = StepGraph.of(definition.steps()).topologicalOrder().orElseThrow();
    for (Edge edge : generated.edges()) {
      assertTrue(order.indexOf(edge.from()) < order.indexOf(edge.to()), edge + " against " + order);
    }
  }

  @Property(tries = 200)
  void namesARealCycleWhenOneBackEdgeIsAdded(@ForAll @IntRange(min = 1, max = 40) int size, @ForAll long seed) {
    GeneratedWorkflow generated = GeneratedWorkflow.dag(size, seed);
    generated.closeCycle();
    Set<Edge> edges = generated.edges();
    ParseResult result = parser.parse(generated.toJson());
    assertInstanceOf(ParseResult.Invalid.class, result, generated::toJson);

    List<Violation> violations = ((ParseResult.Invalid) result).violations();
    assertFalse(violations.isEmpty());
    for (Violation violation : violations) {
      assertTrue(violation.message().startsWith(CYCLE_PREFIX), () -> "only cycles expected: " + violation);
      List<String> path = Arrays.asList(violation.message().substring(CYCLE_PREFIX.length()).split(" → "));
      assertEquals(path.get(0), path.get(path.size() - 1), "the path closes");
      List<String> members = path.subList(0, path.size() - 1);
      assertEquals(members.size(), new HashSet<>(members).size(), "an elementary cycle");
      for (int i = 0; i + 1 < path.size(); i++) {
        Edge edge = new Edge(path.get(i), path.get(i + 1));
        assertTrue(edges.contains(edge), () -> edge + " is not an edge of " + generated.toJson());
      }
      int first = generated.indexOf(members.get(0));
      assertTrue(members.stream().allMatch(m -> generated.indexOf(m) >= first), "starts at the earliest member");
      String expected = generated.steps.get(first).dependsOn().isEmpty()
          ? "/steps/" + first : "/steps/" + first + "/dependsOn";
      assertEquals(expected, violation.pointer());
    }
  }
}
