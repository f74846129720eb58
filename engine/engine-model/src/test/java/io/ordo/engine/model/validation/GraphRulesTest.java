package io.ordo.engine.model.validation;

import static io.ordo.engine.model.validation.Definitions.assertOnlyViolation;
import static io.ordo.engine.model.validation.Definitions.assertViolation;
import static io.ordo.engine.model.validation.Definitions.transform;
import static io.ordo.engine.model.validation.Definitions.valid;
import static io.ordo.engine.model.validation.Definitions.violations;
import static io.ordo.engine.model.validation.Definitions.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules over the whole definition: ids, references, goals and cycles. */
class GraphRulesTest {

  private static String conditional(String id, String next, String otherwise, String... extra) {
    String more = extra.length == 0 ? "" : ", " + String.join(", ", extra);
    return "{\"id\": \"" + id + "\", \"type\": \"CONDITIONAL\", \"branches\": [{\"when\": \"${ .input.ok }\", \"next\": "
        + next + "}], \"otherwise\": " + otherwise + more + "}";
  }

  private static String parallel(String id, String... branchSteps) {
    return "{\"id\": \"" + id + "\", \"type\": \"PARALLEL\", \"branches\": {\"left/x\": ["
        + String.join(",", branchSteps) + "]}}";
  }

  @Test
  void rejectsDuplicateTopLevelStepId() {
    assertOnlyViolation(workflow(transform("a"), transform("b"), transform("a")), "/steps/2/id",
        "duplicate step id 'a' (already used at /steps/0)");
  }

  @Test
  void rejectsDuplicateIdOfNestedStep() {
    assertOnlyViolation(workflow(transform("x"), parallel("p", transform("x"))), "/steps/1/branches/left~1x/0/id",
        "duplicate step id 'x'");
  }

  @Test
  void checksIdOfStepWithUnknownTypeForDuplicates() {
    List<Violation> violations = violations(workflow(transform("a"), "{\"id\": \"a\", \"type\": \"MAGIC\"}"));
    assertEquals(2, violations.size(), Definitions.describe(violations));
    assertViolation(violations, "/steps/1/type", "unknown step type");
    assertViolation(violations, "/steps/1/id", "duplicate step id 'a'");
  }

  @Test
  void rejectsUnknownDependency() {
    assertOnlyViolation(workflow(transform("stock"), transform("charge", "\"dependsOn\": [\"stock\", \"stok\"]")),
        "/steps/1/dependsOn/1", "unknown step 'stok'");
  }

  @Test
  void rejectsDependencyOnStepInsideParallel() {
    assertOnlyViolation(workflow(parallel("p", transform("inner")), transform("after", "\"dependsOn\": [\"inner\"]")),
        "/steps/1/dependsOn/0", "step 'inner' is inside PARALLEL 'p': depend on the parallel step 'p' instead");
  }

  @Test
  void namesTheTopLevelParallelForDeeplyNestedSteps() {
    String inner = "{\"id\": \"q\", \"type\": \"PARALLEL\", \"branches\": {\"b\": [" + transform("deep") + "]}}";
    assertOnlyViolation(workflow(parallel("p", inner), transform("after", "\"dependsOn\": [\"deep\"]")),
        "/steps/1/dependsOn/0", "depend on the parallel step 'p' instead");
  }

  @Test
  void rejectsUnknownConditionalTargets() {
    List<Violation> violations = violations(workflow(conditional("c", "[\"a\", \"nope\"]", "[\"gone\"]"), transform("a")));
    assertEquals(2, violations.size(), Definitions.describe(violations));
    assertViolation(violations, "/steps/0/branches/0/next/1", "unknown step 'nope'");
    assertViolation(violations, "/steps/0/otherwise/0", "unknown step 'gone'");
  }

  @Test
  void rejectsConditionalTargetInsideParallel() {
    assertOnlyViolation(workflow(conditional("c", "[\"inner\"]", "[]"), parallel("p", transform("inner"))),
        "/steps/0/branches/0/next/0", "step 'inner' is inside PARALLEL 'p': CONDITIONAL targets must be top-level");
  }

  @Test
  void rejectsConditionalNamingItself() {
    assertOnlyViolation(workflow(conditional("c", "[]", "[\"c\"]")), "/steps/0/otherwise/0",
        "a CONDITIONAL cannot name itself ('c')");
  }

  @Test
  void rejectsDuplicateGoalNames() {
    assertOnlyViolation("{\"id\": \"wf\", \"steps\": [" + transform("a") + "], \"goals\": ["
        + "{\"name\": \"won\", \"when\": true}, {\"name\": \"lost\", \"when\": false}, {\"name\": \"won\", \"when\": true}]}",
        "/goals/2/name", "duplicate goal name 'won'");
  }

  @Test
  void rejectsCyclicDefinitionNamingTheCycle() {
    assertOnlyViolation(workflow(
        transform("start"),
        transform("a", "\"dependsOn\": [\"start\", \"c\"]"),
        transform("b", "\"dependsOn\": [\"a\"]"),
        transform("c", "\"dependsOn\": [\"b\"]")),
        "/steps/1/dependsOn", "dependency cycle: a → b → c → a");
  }

  @Test
  void startsTheCycleAtItsEarliestDefinedMember() {
    assertOnlyViolation(workflow(
        transform("c", "\"dependsOn\": [\"b\"]"),
        transform("b", "\"dependsOn\": [\"a\"]"),
        transform("a", "\"dependsOn\": [\"c\"]")),
        "/steps/0/dependsOn", "dependency cycle: c → a → b → c");
  }

  @Test
  void rejectsStepDependingOnItself() {
    assertOnlyViolation(workflow(transform("a", "\"dependsOn\": [\"a\"]")), "/steps/0/dependsOn",
        "dependency cycle: a → a");
  }

  @Test
  void findsCycleThroughImplicitConditionalEdge() {
    assertOnlyViolation(workflow(
        conditional("c", "[\"a\"]", "[]", "\"dependsOn\": [\"a\"]"),
        transform("a")),
        "/steps/0/dependsOn", "dependency cycle: c → a → c");
  }

  @Test
  void pointsAtTheStepWhenTheFirstMemberHasNoDependsOn() {
    assertOnlyViolation(workflow(
        conditional("c", "[\"a\"]", "[]"),
        transform("a"),
        conditional("b", "[\"c\"]", "[]", "\"dependsOn\": [\"a\"]")),
        "/steps/0", "dependency cycle: c → a → b → c");
  }

  @Test
  void reportsEachDistinctCycleOnce() {
    List<Violation> violations = violations(workflow(
        transform("a", "\"dependsOn\": [\"b\"]"),
        transform("b", "\"dependsOn\": [\"a\", \"c\"]"),
        transform("c", "\"dependsOn\": [\"b\"]"),
        transform("x", "\"dependsOn\": [\"y\"]"),
        transform("y", "\"dependsOn\": [\"x\"]")));
    assertEquals(3, violations.size(), Definitions.describe(violations));
    assertViolation(violations, "/steps/0/dependsOn", "dependency cycle: a → b → a");
    assertViolation(violations, "/steps/1/dependsOn", "dependency cycle: b → c → b");
    assertViolation(violations, "/steps/3/dependsOn", "dependency cycle: x → y → x");
  }

  @Test
  void acceptsConditionalTargetAlsoListingItInDependsOn() {
    valid(workflow(conditional("c", "[\"a\"]", "[\"b\"]"), transform("a", "\"dependsOn\": [\"c\"]"), transform("b")));
  }

  @Test
  void acceptsDiamond() {
    valid(workflow(transform("a"), transform("b", "\"dependsOn\": [\"a\"]"), transform("c", "\"dependsOn\": [\"a\"]"),
        transform("d", "\"dependsOn\": [\"b\", \"c\"]")));
  }
}
