package io.ordo.engine.runtime.execution.logic;

import static io.ordo.engine.runtime.execution.logic.DeciderHarness.described;
import static io.ordo.engine.runtime.execution.logic.DeciderHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ordo.engine.runtime.execution.events.ExecutionEvent.SkipReason;
import io.ordo.engine.runtime.lifecycle.ExecutionStatus;
import io.ordo.engine.runtime.lifecycle.StepStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CONDITIONAL routing, `when`, and the skipping rules of docs/workflow-dsl.md. */
class DeciderBranchingTest {

  /**
   * route → big | medium | small (otherwise); afterBig depends only on big; join depends on big
   * and on always, which always runs.
   */
  private static final String ROUTED = """
      {"id": "wf", "steps": [
        {"id": "route", "type": "CONDITIONAL", "branches": [
          {"when": "${ .input.n > 100 }", "next": ["big"]},
          {"when": "${ .input.n > 10 }", "next": ["medium"]}],
         "otherwise": ["small"]},
        {"id": "big", "type": "DATA_TRANSFORM", "expression": "big"},
        {"id": "medium", "type": "DATA_TRANSFORM", "expression": "medium"},
        {"id": "small", "type": "DATA_TRANSFORM", "expression": "small"},
        {"id": "afterBig", "type": "DATA_TRANSFORM", "dependsOn": ["big"], "expression": 1},
        {"id": "always", "type": "DATA_TRANSFORM", "expression": 2},
        {"id": "join", "type": "DATA_TRANSFORM", "dependsOn": ["big", "always"],
         "expression": "${ .steps.big.status }"}
      ]}""";

  @Test
  void takesTheFirstMatchingBranchAndRecordsItsIndex() {
    var h = DeciderHarness.of(ROUTED);

    h.start("{\"n\": 500}");

    assertEquals(json("{\"branch\": 0}"), h.output("route"));
    assertEquals(StepStatus.COMPLETED, h.status("big"));
    assertEquals(StepStatus.SKIPPED, h.status("medium"));
    assertEquals(StepStatus.SKIPPED, h.status("small"));
  }

  @Test
  void takesALaterBranchWhenEarlierOnesDoNotMatch() {
    var h = DeciderHarness.of(ROUTED);

    h.start("{\"n\": 50}");

    assertEquals(json("{\"branch\": 1}"), h.output("route"));
    assertEquals(StepStatus.COMPLETED, h.status("medium"));
    assertEquals(StepStatus.SKIPPED, h.status("big"));
  }

  @Test
  void takesOtherwiseWhenNoBranchMatches() {
    var h = DeciderHarness.of(ROUTED);

    h.start("{\"n\": 1}");

    assertEquals(json("{\"branch\": \"otherwise\"}"), h.output("route"));
    assertEquals(StepStatus.COMPLETED, h.status("small"));
    assertEquals(ExecutionStatus.COMPLETED, h.state().status());
  }

  @Test
  void skipsTheTargetsOfUntakenBranchesAsBranchNotTaken() {
    var h = DeciderHarness.of(ROUTED);

    h.start("{\"n\": 50}");

    assertEquals(SkipReason.BRANCH_NOT_TAKEN, h.step("big").skipReason());
    assertEquals(SkipReason.BRANCH_NOT_TAKEN, h.step("small").skipReason());
    assertNull(h.step("medium").skipReason());
  }

  @Test
  void skipsStepsOnlyReachableThroughAnUntakenBranch() {
    var h = DeciderHarness.of(ROUTED);

    h.start("{\"n\": 50}");

    assertEquals(StepStatus.SKIPPED, h.status("afterBig"));
    assertEquals(SkipReason.UNREACHABLE, h.step("afterBig").skipReason());
  }

  @Test
  void runsAStepThatAlsoDependsOnAStepThatRan() {
    var h = DeciderHarness.of(ROUTED);

    h.start("{\"n\": 50}");

    assertEquals(StepStatus.COMPLETED, h.status("join"));
    assertEquals(json("\"SKIPPED\""), h.output("join"));
  }

  @Test
  void skipsADeadPathTransitively() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "route", "type": "CONDITIONAL",
           "branches": [{"when": "${ false }", "next": ["x"]}]},
          {"id": "x", "type": "DATA_TRANSFORM", "expression": 1},
          {"id": "y", "type": "DATA_TRANSFORM", "dependsOn": ["x"], "expression": 2},
          {"id": "z", "type": "DATA_TRANSFORM", "dependsOn": ["y"], "expression": 3}
        ]}""");

    Decision start = h.start();

    assertEquals(List.of("ExecutionStarted", "StepSucceeded(route)", "StepSkipped(x)",
        "StepSkipped(y)", "StepSkipped(z)", "ExecutionCompleted"), described(start));
    assertEquals(SkipReason.UNREACHABLE, h.step("z").skipReason());
  }

  @Test
  void skipsAStepWhoseWhenIsFalseButRunsItsDependents() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "maybe", "type": "DATA_TRANSFORM", "when": "${ .input.go }", "expression": 1},
          {"id": "next", "type": "DATA_TRANSFORM", "dependsOn": ["maybe"],
           "expression": "${ .steps.maybe.status }"}
        ]}""");

    h.start("{\"go\": false}");

    assertEquals(StepStatus.SKIPPED, h.status("maybe"));
    assertEquals(SkipReason.WHEN_FALSE, h.step("maybe").skipReason());
    assertEquals(json("\"SKIPPED\""), h.output("next"));
    assertEquals(ExecutionStatus.COMPLETED, h.state().status());
  }

  @Test
  void runsAStepWhoseWhenIsTrue() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "maybe", "type": "DATA_TRANSFORM", "when": "${ .input.go }", "expression": 1}
        ]}""");

    h.start("{\"go\": true}");

    assertEquals(StepStatus.COMPLETED, h.status("maybe"));
  }

  @Test
  void failsAStepWhoseWhenYieldsANonBoolean() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "maybe", "type": "DATA_TRANSFORM", "when": "${ .input.go }", "expression": 1}
        ]}""");

    h.start("{\"go\": \"yes\"}");

    assertEquals(StepStatus.FAILED, h.status("maybe"));
    assertEquals("EXPRESSION_FAILED", h.step("maybe").error().errorClass());
    assertFalse(h.step("maybe").error().retryable());
    assertTrue(h.step("maybe").error().message().contains("`when`"),
        h.step("maybe").error().message());
    assertEquals(ExecutionStatus.FAILED, h.state().status());
    assertEquals("maybe", h.state().failure().stepId());
  }

  @Test
  void failsAConditionalWhoseBranchConditionYieldsANonBooleanAndSkipsItsTargets() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "route", "type": "CONDITIONAL", "onError": "CONTINUE",
           "branches": [{"when": "${ .input.n }", "next": ["x"]}], "otherwise": ["y"]},
          {"id": "x", "type": "DATA_TRANSFORM", "expression": 1},
          {"id": "y", "type": "DATA_TRANSFORM", "expression": 2}
        ]}""");

    h.start("{\"n\": 3}");

    assertEquals(StepStatus.FAILED, h.status("route"));
    assertEquals("EXPRESSION_FAILED", h.step("route").error().errorClass());
    assertEquals(StepStatus.SKIPPED, h.status("x"));
    assertEquals(StepStatus.SKIPPED, h.status("y"));
    assertEquals(ExecutionStatus.COMPLETED, h.state().status());
  }

  @Test
  void skipsEveryStepOfAParallelThatIsNotOnTheTakenBranch() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "route", "type": "CONDITIONAL",
           "branches": [{"when": "${ false }", "next": ["fan"]}], "otherwise": ["other"]},
          {"id": "fan", "type": "PARALLEL", "branches": {
            "left": [{"id": "l1", "type": "DATA_TRANSFORM", "expression": 1}],
            "right": [{"id": "r1", "type": "DATA_TRANSFORM", "expression": 2},
                      {"id": "r2", "type": "DATA_TRANSFORM", "expression": 3}]}},
          {"id": "other", "type": "DATA_TRANSFORM", "expression": 4}
        ]}""");

    h.start();

    assertEquals(SkipReason.BRANCH_NOT_TAKEN, h.step("fan").skipReason());
    for (String inner : List.of("l1", "r1", "r2")) {
      assertEquals(StepStatus.SKIPPED, h.status(inner), inner);
      assertEquals(SkipReason.PARENT_SKIPPED, h.step(inner).skipReason(), inner);
    }
    assertEquals(ExecutionStatus.COMPLETED, h.state().status());
  }

  @Test
  void aConditionalSkippedByItsWhenTakesNoBranchSoItsTargetsAreUnreachable() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "route", "type": "CONDITIONAL", "when": "${ .input.route }",
           "branches": [{"when": true, "next": ["yes"]}], "otherwise": ["no"]},
          {"id": "yes", "type": "DATA_TRANSFORM", "expression": 1},
          {"id": "no", "type": "DATA_TRANSFORM", "expression": 2},
          {"id": "plain", "type": "DATA_TRANSFORM", "dependsOn": ["route"], "expression": 3}
        ]}""");

    h.start("{\"route\": false}");

    assertEquals(SkipReason.WHEN_FALSE, h.step("route").skipReason());
    assertEquals(SkipReason.UNREACHABLE, h.step("yes").skipReason());
    assertEquals(SkipReason.UNREACHABLE, h.step("no").skipReason());
    // A plain dependent of a `when`-skipped step still runs, CONDITIONAL or not.
    assertEquals(StepStatus.COMPLETED, h.status("plain"));
    assertEquals(ExecutionStatus.COMPLETED, h.state().status());
  }
}
