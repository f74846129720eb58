package io.ordo.engine.model.validation;

import static io.ordo.engine.model.validation.Definitions.assertOnlyViolation;
import static io.ordo.engine.model.validation.Definitions.assertViolation;
import static io.ordo.engine.model.validation.Definitions.transform;
import static io.ordo.engine.model.validation.Definitions.valid;
import static io.ordo.engine.model.validation.Definitions.violations;
import static io.ordo.engine.model.validation.Definitions.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ordo.engine.model.ParallelMode;
import io.ordo.engine.model.steps.ConditionalSpec;
import io.ordo.engine.model.steps.ForEachSpec;
import io.ordo.engine.model.steps.ParallelSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Type-specific checks of CONDITIONAL, PARALLEL and FOR_EACH. */
class ControlStepValidationTest {

  private static String parallel(String branches) {
    return "{\"id\": \"p\", \"type\": \"PARALLEL\", \"branches\": " + branches + "}";
  }

  private static String forEach(String template) {
    return "{\"id\": \"each\", \"type\": \"FOR_EACH\", \"items\": \"${ .input.list }\", \"step\": " + template + "}";
  }

  // CONDITIONAL

  @Test
  void readsConditionalWithoutOtherwise() {
    ConditionalSpec spec = (ConditionalSpec) valid(workflow(
        "{\"id\": \"c\", \"type\": \"CONDITIONAL\", \"branches\": [{\"when\": true, \"next\": [\"a\"]}]}",
        transform("a"))).steps().get(0).spec();
    assertTrue(spec.otherwise().isEmpty());
  }

  @Test
  void requiresConditionalBranches() {
    assertOnlyViolation(workflow("{\"id\": \"c\", \"type\": \"CONDITIONAL\"}"), "/steps/0/branches",
        "missing required field 'branches'");
  }

  @Test
  void rejectsEmptyConditionalBranches() {
    assertOnlyViolation(workflow("{\"id\": \"c\", \"type\": \"CONDITIONAL\", \"branches\": []}"),
        "/steps/0/branches", "non-empty array");
  }

  @Test
  void requiresWhenAndNextOfEachBranch() {
    List<Violation> violations = violations(workflow(
        "{\"id\": \"c\", \"type\": \"CONDITIONAL\", \"branches\": [{\"when\": true, \"next\": []}, {}]}"));
    assertEquals(2, violations.size(), Definitions.describe(violations));
    assertViolation(violations, "/steps/0/branches/1/when", "missing required field 'when'");
    assertViolation(violations, "/steps/0/branches/1/next", "missing required field 'next'");
  }

  @Test
  void rejectsUnknownFieldInBranch() {
    assertOnlyViolation(workflow(
        "{\"id\": \"c\", \"type\": \"CONDITIONAL\", \"branches\": [{\"when\": true, \"next\": [], \"then\": []}]}"),
        "/steps/0/branches/0/then", "unknown field 'then'");
  }

  // PARALLEL

  @Test
  void readsParallelBranchesInDeclarationOrder() {
    ParallelSpec spec = (ParallelSpec) valid(workflow(parallel(
        "{\"z\": [" + transform("z1") + "], \"a\": [" + transform("a1") + ", " + transform("a2") + "]}")))
        .steps().get(0).spec();
    assertEquals(List.of("z", "a"), List.copyOf(spec.branches().keySet()));
    assertEquals(2, spec.branches().get("a").size());
    assertEquals(ParallelMode.ALL, spec.mode());
  }

  @Test
  void rejectsParallelBranchesThatAreNotAnObject() {
    assertOnlyViolation(workflow(parallel("[]")), "/steps/0/branches", "at least one branch");
  }

  @Test
  void rejectsParallelWithoutBranches() {
    assertOnlyViolation(workflow(parallel("{}")), "/steps/0/branches", "at least one branch");
  }

  @Test
  void rejectsEmptyParallelBranchEscapingItsNameInThePointer() {
    assertOnlyViolation(workflow(parallel("{\"left/right~x\": []}")), "/steps/0/branches/left~1right~0x",
        "non-empty array of steps");
  }

  @Test
  void rejectsDependsOnInsideParallelBranch() {
    assertOnlyViolation(workflow(parallel("{\"b\": [" + transform("x") + ", " + transform("y", "\"dependsOn\": [\"x\"]") + "]}")),
        "/steps/0/branches/b/1/dependsOn", "not allowed inside a PARALLEL branch");
  }

  @Test
  void rejectsConditionalInsideParallelBranch() {
    assertOnlyViolation(workflow(parallel(
        "{\"b\": [{\"id\": \"c\", \"type\": \"CONDITIONAL\", \"branches\": [{\"when\": true, \"next\": []}]}]}")),
        "/steps/0/branches/b/0/type", "CONDITIONAL is not allowed inside a PARALLEL branch");
  }

  @Test
  void acceptsNestedParallel() {
    valid(workflow(parallel("{\"b\": [" + "{\"id\": \"inner\", \"type\": \"PARALLEL\", \"branches\": {\"c\": ["
        + transform("deep") + "]}}" + "]}")));
  }

  @Test
  void reportsNestedStepProblemsAtTheirOwnPointer() {
    assertOnlyViolation(workflow(parallel("{\"b\": [" + transform("x", "\"timeout\": \"soon\"") + "]}")),
        "/steps/0/branches/b/0/timeout", "ISO-8601 duration");
  }

  @Test
  void rejectsUnknownParallelMode() {
    assertOnlyViolation(workflow("{\"id\": \"p\", \"type\": \"PARALLEL\", \"mode\": \"FIRST\", \"branches\": {\"b\": ["
        + transform("x") + "]}}"), "/steps/0/mode", "unknown value 'FIRST' (expected one of ALL, ANY)");
  }

  // FOR_EACH

  @Test
  void defaultsForEachConcurrencyToTen() {
    ForEachSpec spec = (ForEachSpec) valid(workflow(forEach("{\"type\": \"WAIT\", \"duration\": \"PT1S\"}")))
        .steps().get(0).spec();
    assertEquals(10, spec.concurrency());
  }

  @Test
  void rejectsForEachConcurrencyBelowOne() {
    assertOnlyViolation(workflow("{\"id\": \"e\", \"type\": \"FOR_EACH\", \"items\": [], \"concurrency\": 0,"
        + " \"step\": {\"type\": \"DATA_TRANSFORM\", \"expression\": 1}}"), "/steps/0/concurrency", "at least 1");
  }

  @Test
  void rejectsConstantItemsThatAreNotAnArray() {
    assertOnlyViolation(workflow("{\"id\": \"e\", \"type\": \"FOR_EACH\", \"items\": {\"a\": 1},"
        + " \"step\": {\"type\": \"DATA_TRANSFORM\", \"expression\": 1}}"), "/steps/0/items", "must yield an array");
  }

  @Test
  void requiresForEachStepTemplate() {
    assertOnlyViolation(workflow("{\"id\": \"e\", \"type\": \"FOR_EACH\", \"items\": []}"), "/steps/0/step",
        "missing required field 'step'");
  }

  @Test
  void rejectsIdInForEachTemplate() {
    assertOnlyViolation(workflow(forEach("{\"id\": \"t\", \"type\": \"DATA_TRANSFORM\", \"expression\": 1}")),
        "/steps/0/step/id", "not allowed in a FOR_EACH step template");
  }

  @Test
  void rejectsDependsOnInForEachTemplate() {
    assertOnlyViolation(workflow(transform("a"),
        forEach("{\"type\": \"DATA_TRANSFORM\", \"expression\": 1, \"dependsOn\": [\"a\"]}")),
        "/steps/1/step/dependsOn", "not allowed in a FOR_EACH step template");
  }

  @Test
  void rejectsControlTypeAsForEachTemplate() {
    assertOnlyViolation(workflow(forEach("{\"type\": \"PARALLEL\", \"branches\": {\"b\": [" + transform("x") + "]}}")),
        "/steps/0/step/type", "cannot be PARALLEL");
  }

  @Test
  void reportsTemplateProblemsUnderStep() {
    assertOnlyViolation(workflow(forEach("{\"type\": \"SUB_WORKFLOW\", \"workflow\": \"w\", \"version\": -1}")),
        "/steps/0/step/version", "must be at least 1");
  }
}
