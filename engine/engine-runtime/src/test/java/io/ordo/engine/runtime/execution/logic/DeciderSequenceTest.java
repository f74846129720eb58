package io.ordo.engine.runtime.execution.logic;

import static io.ordo.engine.runtime.execution.logic.DeciderHarness.described;
import static io.ordo.engine.runtime.execution.logic.DeciderHarness.json;
import static io.ordo.engine.runtime.execution.logic.DeciderHarness.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ordo.engine.runtime.execution.events.ExecutionEvent.ArtifactRecorded;
import io.ordo.engine.runtime.lifecycle.ExecutionStatus;
import io.ordo.engine.runtime.lifecycle.StepStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chains of in-process steps: one decision, data flowing between steps, the workflow output. */
class DeciderSequenceTest {

  private static final String CHAIN = """
      {"id": "wf", "steps": [
        {"id": "a", "type": "DATA_TRANSFORM", "expression": "${ .input.x + 1 }"},
        {"id": "b", "type": "DATA_TRANSFORM", "dependsOn": ["a"],
         "expression": "${ .steps.a.output * 10 }"},
        {"id": "c", "type": "DATA_TRANSFORM", "dependsOn": ["b"],
         "expression": {"total": "${ .steps.b.output }", "was": "${ .steps.a.status }"}}
      ]%s}""";

  @Test
  void completesAChainOfPureStepsInTheStartDecision() {
    var h = DeciderHarness.of(CHAIN.formatted(""));

    Decision start = h.start("{\"x\": 4}");

    assertEquals(List.of("ExecutionStarted", "StepSucceeded(a)", "StepSucceeded(b)",
        "StepSucceeded(c)", "ExecutionCompleted"), described(start));
    assertEquals(ExecutionStatus.COMPLETED, h.state().status());
    assertEquals(DeciderHarness.T0, h.state().endedAt());
  }

  @Test
  void passesEachStepsOutputToItsDependents() {
    var h = DeciderHarness.of(CHAIN.formatted(""));

    h.start("{\"x\": 4}");

    assertEquals(json("5"), h.output("a"));
    assertEquals(json("50"), h.output("b"));
    assertEquals(json("{\"total\": 50, \"was\": \"COMPLETED\"}"), h.output("c"));
    assertEquals(1, h.step("c").attempts());
  }

  @Test
  void evaluatesTheWorkflowOutputExpressionOverTheFinalContext() {
    var h = DeciderHarness.of(CHAIN.formatted(
        ", \"output\": \"${ {result: .steps.c.output.total, id: .execution.id} }\""));

    h.start("{\"x\": 1}");

    assertEquals(json("{\"result\": 20, \"id\": \"ex-1\"}"), h.state().output());
  }

  @Test
  void defaultsTheOutputToTheCompletedTopLevelStepsOutputsByStepId() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "a", "type": "DATA_TRANSFORM", "expression": "${ 1 }"},
          {"id": "b", "type": "DATA_TRANSFORM", "expression": "${ 2 }"},
          {"id": "never", "type": "DATA_TRANSFORM", "when": "${ false }", "expression": 3}
        ]}""");

    h.start();

    assertEquals(json("{\"a\": 1, \"b\": 2}"), h.state().output());
  }

  @Test
  void runsIndependentStepsInDefinitionOrder() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "late", "type": "DATA_TRANSFORM", "dependsOn": ["early"], "expression": 2},
          {"id": "early", "type": "DATA_TRANSFORM", "expression": 1},
          {"id": "solo", "type": "DATA_TRANSFORM", "expression": 3}
        ]}""");

    Decision start = h.start();

    assertEquals(List.of("ExecutionStarted", "StepSucceeded(early)", "StepSucceeded(solo)",
        "StepSucceeded(late)", "ExecutionCompleted"), described(start));
  }

  @Test
  void recordsTheGoalsWhoseConditionHolds() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [{"id": "a", "type": "DATA_TRANSFORM", "expression": "${ .input }"}],
         "goals": [{"name": "big", "when": "${ .steps.a.output > 10 }"},
                   {"name": "small", "when": "${ .steps.a.output < 10 }"},
                   {"name": "broken", "when": "${ .steps.a.output.nope }"}]}""");

    h.start("3");

    assertEquals(List.of("small"), h.state().goalsReached());
  }

  @Test
  void countsAGoalYieldingANonBooleanAsNotReached() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [{"id": "a", "type": "DATA_TRANSFORM", "expression": 1}],
         "goals": [{"name": "one", "when": "${ .steps.a.output }"},
                   {"name": "text", "when": "${ \\"true\\" }"}]}""");

    h.start();

    assertEquals(List.of(), h.state().goalsReached());
  }

  @Test
  void failsTheExecutionWhenTheOutputExpressionFails() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [{"id": "a", "type": "DATA_TRANSFORM", "expression": 1}],
         "output": "${ .steps.a.output.field }"}""");

    Decision start = h.start();

    assertEquals(ExecutionStatus.FAILED, h.state().status());
    assertEquals("ExecutionFailed", types(start).get(types(start).size() - 1));
    assertNull(h.state().failure().stepId());
    assertEquals("OUTPUT_EXPRESSION_FAILED", h.state().failure().error().errorClass());
    assertEquals(StepStatus.COMPLETED, h.status("a"));
  }

  @Test
  void recordsTheArtifactsOfACompletedStepRightAfterIt() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "a", "type": "DATA_TRANSFORM", "expression": {"id": 7, "body": "text"},
           "artifacts": [{"name": "whole"},
                         {"name": "body", "value": "${ .output.body }",
                          "contentType": "text/plain"}]}]}""");

    Decision start = h.start();

    assertEquals(List.of("ExecutionStarted", "StepSucceeded(a)", "ArtifactRecorded(a)",
        "ArtifactRecorded(a)", "ExecutionCompleted"), described(start));
    var artifacts = DeciderHarness.eventsOf(start, ArtifactRecorded.class);
    assertEquals("whole", artifacts.get(0).name());
    assertEquals("application/json", artifacts.get(0).contentType());
    assertEquals(json("{\"id\": 7, \"body\": \"text\"}"), artifacts.get(0).value());
    assertEquals(json("\"text\""), artifacts.get(1).value());
    assertEquals("text/plain", artifacts.get(1).contentType());
  }

  @Test
  void failsAStepWhoseArtifactExpressionFails() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "a", "type": "DATA_TRANSFORM", "expression": 1,
           "artifacts": [{"name": "broken", "value": "${ .output.x }"}]}]}""");

    h.start();

    assertEquals(StepStatus.FAILED, h.status("a"));
    assertEquals("ARTIFACT_FAILED", h.step("a").error().errorClass());
  }

  @Test
  void exposesTheStepsViewToExpressions() {
    var h = DeciderHarness.of("""
        {"id": "wf", "steps": [
          {"id": "a", "type": "DATA_TRANSFORM", "expression": "${ .input.missing.deeper }"},
          {"id": "b", "type": "DATA_TRANSFORM", "dependsOn": ["a"],
           "expression": "${ .steps.a }"}
        ]}""");

    h.start();

    assertEquals(json("{\"status\": \"COMPLETED\", \"output\": null, \"error\": null,"
        + " \"attempts\": 1}"), h.output("b"));
    assertTrue(h.state().isEnded());
  }
}
