package io.ordo.engine.runtime.execution.logic;

import static io.ordo.engine.runtime.execution.logic.DeciderHarness.T0;
import static io.ordo.engine.runtime.execution.logic.DeciderHarness.described;
import static io.ordo.engine.runtime.execution.logic.DeciderHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ordo.engine.runtime.execution.events.ExecutionEvent.SkipReason;
import io.ordo.engine.runtime.lifecycle.ExecutionStatus;
import io.ordo.engine.runtime.lifecycle.StepStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PARALLEL in both modes; a WAIT makes a branch slow. */
class DeciderParallelTest {

  private static final String ALL = """
      {"id": "wf", "steps": [
        {"id": "fan", "type": "PARALLEL", "branches": {
          "left": [{"id": "l1", "type": "DATA_TRANSFORM", "expression": "${ .input.x }"},
                   {"id": "l2", "type": "DATA_TRANSFORM", "expression": "${ .steps.l1.output + 1 }"}],
          "right": [{"id": "r1", "type": "WAIT", "duration": "PT1M"},
                    {"id": "r2", "type": "DATA_TRANSFORM", "expression": "right"}]}},
        {"id": "after", "type": "DATA_TRANSFORM", "dependsOn": ["fan"],
         "expression": "${ .steps.fan.output }"}
      ]}""";

  @Test
  void runsTheStepsOfABranchInSequenceAndBranchesIndependently() {
    var h = DeciderHarness.of(ALL);

    Decision start = h.start("{\"x\": 1}");

    assertEquals(List.of("ExecutionStarted", "StepStarted(fan)", "StepSucceeded(l1)",
        "StepSucceeded(l2)", "StepWaiting(r1)"), described(start));
    assertEquals(StepStatus.RUNNING, h.status("fan"));
    assertEquals(StepStatus.PENDING, h.status("r2"));
    assertEquals(StepStatus.PENDING, h.status("after"));
  }

  @Test
  void completesInAllModeWithTheLastOutputOfEveryBranch() {
    var h = DeciderHarness.of(ALL);
    h.start("{\"x\": 1}");

    Decision fired = h.advance(T0.plus(Duration.ofMinutes(1)));

    assertEquals(List.of("StepSucceeded(r1)", "StepSucceeded(r2)", "StepSucceeded(fan)",
        "StepSucceeded(after)", "ExecutionCompleted"), described(fired));
    assertEquals(json("{\"left\": 2, \"right\": \"right\"}"), h.output("fan"));
    assertEquals(h.output("fan"), h.output("after"));
  }

  @Test
  void failsTheParallelAndTheExecutionWhenABranchStepFails() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "fan", "type": "PARALLEL", "branches": {
            "bad": [{"id": "boom", "type": "DATA_TRANSFORM", "expression": "${ .input.n.x }"}],
            "slow": [{"id": "w", "type": "WAIT", "duration": "PT1M"}]}}
        ]}""");

    h.start("{\"n\": 1}");

    assertEquals(StepStatus.FAILED, h.status("fan"));
    assertEquals("BRANCH_FAILED", h.step("fan").error().errorClass());
    assertTrue(h.step("fan").error().message().contains("'boom'"), h.step("fan").error().message());
    // The other branch's step never started: the failure came first.
    assertEquals(StepStatus.SKIPPED, h.status("w"));
    assertEquals(SkipReason.PARENT_FAILED, h.step("w").skipReason());
    assertEquals(ExecutionStatus.FAILED, h.state().status());
    assertEquals("fan", h.state().failure().stepId());
    assertEquals("BRANCH_FAILED", h.state().failure().error().errorClass());
  }

  @Test
  void neverRunsTheRestOfABranchAfterAStepFailedWithOnErrorFail() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "fan", "type": "PARALLEL", "branches": {
            "bad": [{"id": "boom", "type": "DATA_TRANSFORM", "expression": "${ .input.n.x }"},
                    {"id": "then", "type": "DATA_TRANSFORM", "expression": 1}]}}
        ]}""");

    h.start("{\"n\": 1}");

    assertEquals(StepStatus.FAILED, h.status("fan"));
    assertTrue(h.status("then") == StepStatus.PENDING || h.status("then") == StepStatus.SKIPPED,
        "then: " + h.status("then"));
  }

  @Test
  void continuesABranchPastAStepThatFailedWithOnErrorContinue() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "fan", "type": "PARALLEL", "branches": {
            "tolerant": [
              {"id": "boom", "type": "DATA_TRANSFORM", "onError": "CONTINUE",
               "expression": "${ .input.n.x }"},
              {"id": "then", "type": "DATA_TRANSFORM", "expression": "${ .steps.boom.status }"}]}}
        ]}""");

    h.start("{\"n\": 1}");

    assertEquals(StepStatus.FAILED, h.status("boom"));
    assertEquals(StepStatus.COMPLETED, h.status("then"));
    assertEquals(json("{\"tolerant\": \"FAILED\"}"), h.output("fan"));
    assertEquals(ExecutionStatus.COMPLETED, h.state().status());
  }

  private static final String ANY = """
      {"id": "wf", "steps": [
        {"id": "race", "type": "PARALLEL", "mode": "ANY", "branches": {
          "slow": [{"id": "s1", "type": "WAIT", "duration": "PT1H"},
                   {"id": "s2", "type": "DATA_TRANSFORM", "expression": "slow"}],
          "fast": [{"id": "f1", "type": "WAIT", "duration": "PT1M"},
                   {"id": "f2", "type": "DATA_TRANSFORM", "expression": "fast"}]}}
      ]}""";

  @Test
  void completesInAnyModeWithTheFirstFinishedBranchOnly() {
    var h = DeciderHarness.of(ANY);
    h.start();

    h.advance(T0.plus(Duration.ofMinutes(1)));

    assertEquals(StepStatus.COMPLETED, h.status("race"));
    assertEquals(json("{\"fast\": \"fast\"}"), h.output("race"));
    assertEquals(ExecutionStatus.COMPLETED, h.state().status());
  }

  @Test
  void cancelsTheRunningStepsAndSkipsThePendingStepsOfTheLosingBranches() {
    var h = DeciderHarness.of(ANY);
    h.start();

    Decision won = h.advance(T0.plus(Duration.ofMinutes(1)));

    assertEquals(List.of("StepSucceeded(f1)", "StepSucceeded(f2)", "StepCancelled(s1)",
        "StepSkipped(s2)", "StepSucceeded(race)", "ExecutionCompleted"), described(won));
    assertEquals(StepStatus.CANCELLED, h.status("s1"));
    assertEquals(SkipReason.OTHER_BRANCH_WON, h.step("s2").skipReason());
  }

  @Test
  void waitsInAnyModeUntilABranchFinishes() {
    var h = DeciderHarness.of(ANY);
    h.start();

    Decision early = h.advance(T0.plus(Duration.ofSeconds(59)));

    assertTrue(early.isEmpty(), () -> described(early).toString());
    assertEquals(StepStatus.RUNNING, h.status("race"));
  }

  @Test
  void skipsThePendingStepsOfANestedParallelInALosingBranch() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "race", "type": "PARALLEL", "mode": "ANY", "branches": {
            "slow": [{"id": "inner", "type": "PARALLEL", "branches": {
              "only": [{"id": "iw", "type": "WAIT", "duration": "PT1H"},
                       {"id": "ix", "type": "DATA_TRANSFORM", "expression": 1}]}}],
            "fast": [{"id": "f1", "type": "WAIT", "duration": "PT1M"}]}}
        ]}""");
    h.start();

    h.advance(T0.plus(Duration.ofMinutes(1)));

    assertEquals(StepStatus.CANCELLED, h.status("inner"));
    assertEquals(StepStatus.CANCELLED, h.status("iw"));
    assertEquals(StepStatus.SKIPPED, h.status("ix"));
  }

  @Test
  void skipsEveryNestedStepOfASkippedParallel() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "fan", "type": "PARALLEL", "when": "${ .input.go }", "branches": {
            "a": [{"id": "a1", "type": "DATA_TRANSFORM", "expression": 1},
                  {"id": "nested", "type": "PARALLEL", "branches": {
                    "n": [{"id": "n1", "type": "DATA_TRANSFORM", "expression": 2}]}}],
            "b": [{"id": "b1", "type": "WAIT", "duration": "PT1M"}]}}
        ]}""");

    Decision start = h.start("{\"go\": false}");

    assertEquals(SkipReason.WHEN_FALSE, h.step("fan").skipReason());
    for (String inner : List.of("a1", "nested", "n1", "b1")) {
      assertEquals(SkipReason.PARENT_SKIPPED, h.step(inner).skipReason(), inner);
    }
    assertEquals("ExecutionCompleted", described(start).get(described(start).size() - 1));
  }

  @Test
  void runsANestedParallelInsideABranch() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "outer", "type": "PARALLEL", "branches": {
            "a": [{"id": "inner", "type": "PARALLEL", "branches": {
                    "x": [{"id": "x1", "type": "DATA_TRANSFORM", "expression": "x"}],
                    "y": [{"id": "y1", "type": "DATA_TRANSFORM", "expression": "y"}]}},
                  {"id": "a2", "type": "DATA_TRANSFORM", "expression": "${ .steps.inner.output }"}]}}
        ]}""");

    h.start();

    assertEquals(json("{\"a\": {\"x\": \"x\", \"y\": \"y\"}}"), h.output("outer"));
    assertNull(h.state().failure());
    assertEquals(ExecutionStatus.COMPLETED, h.state().status());
  }
}
