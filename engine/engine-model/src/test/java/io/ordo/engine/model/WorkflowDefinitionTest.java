package io.ordo.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ordo.engine.model.retry.RetryPolicy;
import io.ordo.engine.model.retry.RetryStrategy;
import io.ordo.engine.model.validation.DefinitionParser;
import io.ordo.engine.model.validation.ParseResult;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowDefinitionTest {

  private static final WorkflowDefinition DEFINITION = parse("""
      {"id": "wf", "defaults": {"timeout": "PT30S", "retry": {"strategy": "FIXED"}}, "steps": [
        {"id": "first", "type": "DATA_TRANSFORM", "expression": 1, "timeout": "PT1S"},
        {"id": "fan", "type": "PARALLEL", "branches": {
          "left": [{"id": "l1", "type": "DATA_TRANSFORM", "expression": 1},
                   {"id": "inner", "type": "PARALLEL", "branches": {"x": [{"id": "deep", "type": "WAIT", "duration": "PT1S"}]}}],
          "right": [{"id": "r1", "type": "FOR_EACH", "items": [],
                     "step": {"type": "DATA_TRANSFORM", "expression": 1, "retry": {"strategy": "NONE"}}}]}},
        {"id": "last", "type": "DATA_TRANSFORM", "expression": 1, "dependsOn": ["fan"]}]}
      """);

  private static WorkflowDefinition parse(String json) {
    return ((ParseResult.Valid) new DefinitionParser().parse(json)).definition();
  }

  @Test
  void listsAllStepsDepthFirstInDefinitionOrder() {
    assertEquals(List.of("first", "fan", "l1", "inner", "deep", "r1", "last"),
        DEFINITION.allSteps().stream().map(StepDefinition::id).toList());
  }

  @Test
  void findsNestedSteps() {
    assertEquals(StepType.WAIT, DEFINITION.step("deep").orElseThrow().type());
    assertEquals(StepType.FOR_EACH, DEFINITION.step("r1").orElseThrow().type());
    assertTrue(DEFINITION.step("nope").isEmpty());
  }

  @Test
  void stepSettingsFallBackToTheDefaults() {
    StepDefaults defaults = DEFINITION.defaults();
    StepDefinition first = DEFINITION.step("first").orElseThrow();
    StepDefinition last = DEFINITION.step("last").orElseThrow();
    assertEquals(Duration.ofSeconds(1), first.effectiveTimeout(defaults));
    assertEquals(Duration.ofSeconds(30), last.effectiveTimeout(defaults));
    assertEquals(RetryStrategy.FIXED, last.effectiveRetry(defaults).strategy());
  }

  @Test
  void stepWithoutRetryAnywhereDoesNotRetry() {
    StepDefinition step = parse("{\"id\": \"wf\", \"steps\": [{\"id\": \"a\", \"type\": \"WAIT\", \"signal\": \"go\"}]}")
        .steps().get(0);
    assertSame(RetryPolicy.NONE, step.effectiveRetry(StepDefaults.NONE));
    assertNull(step.effectiveTimeout(StepDefaults.NONE));
  }

  @Test
  void controlTypesAreMarked() {
    assertEquals(List.of(StepType.CONDITIONAL, StepType.PARALLEL, StepType.FOR_EACH),
        Arrays.stream(StepType.values()).filter(StepType::isControl).toList());
  }
}
