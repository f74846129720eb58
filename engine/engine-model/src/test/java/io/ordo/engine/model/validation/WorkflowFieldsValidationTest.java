package io.ordo.engine.model.validation;

import static io.ordo.engine.model.validation.Definitions.assertOnlyViolation;
import static io.ordo.engine.model.validation.Definitions.transform;
import static io.ordo.engine.model.validation.Definitions.valid;
import static io.ordo.engine.model.validation.Definitions.violations;
import static io.ordo.engine.model.validation.Definitions.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ordo.engine.model.Json;
import io.ordo.engine.model.WorkflowDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Structural checks on the workflow object itself. */
class WorkflowFieldsValidationTest {

  private static final String STEP = transform("a");

  private static String workflowWith(String fields) {
    return "{\"id\": \"wf\", \"steps\": [" + STEP + "], " + fields + "}";
  }

  @Test
  void rejectsMalformedJsonWithLineAndColumn() {
    List<Violation> violations = violations("{\n  \"id\": \"wf\",\n  \"steps\": [\n}");
    assertEquals(1, violations.size());
    assertEquals("", violations.get(0).pointer());
    assertTrue(violations.get(0).message().startsWith("malformed JSON:"));
    assertTrue(violations.get(0).message().contains("line 4, column"), violations.get(0).message());
  }

  @Test
  void rejectsDuplicateKeysAsMalformedJson() {
    assertOnlyViolation("{\"id\": \"a\", \"id\": \"b\", \"steps\": [" + STEP + "]}", "", "Duplicate field 'id'");
  }

  @Test
  void rejectsTrailingContentAsMalformedJson() {
    assertOnlyViolation(workflow(STEP) + " {}", "", "malformed JSON:");
  }

  @Test
  void rejectsEmptyDocument() {
    assertOnlyViolation("   ", "", "malformed JSON: the document is empty");
  }

  @Test
  void rejectsDocumentThatIsNotAnObject() {
    assertOnlyViolation("[1, 2]", "", "must be an object");
  }

  @Test
  void requiresWorkflowId() {
    assertOnlyViolation("{\"steps\": [" + STEP + "]}", "/id", "missing required field 'id'");
  }

  @Test
  void rejectsWorkflowIdNotMatchingThePattern() {
    assertOnlyViolation("{\"id\": \"-bad id\", \"steps\": [" + STEP + "]}", "/id", "must match");
  }

  @Test
  void rejectsWorkflowIdLongerThan128Characters() {
    assertOnlyViolation("{\"id\": \"" + "a".repeat(129) + "\", \"steps\": [" + STEP + "]}", "/id",
        "1 to 128 characters");
  }

  @Test
  void rejectsWorkflowIdThatIsNotAString() {
    assertOnlyViolation("{\"id\": 7, \"steps\": [" + STEP + "]}", "/id", "must be a string");
  }

  @Test
  void namesTheWorkflowAfterItsIdByDefault() {
    WorkflowDefinition definition = valid(workflow(STEP));
    assertEquals("wf", definition.name());
    assertNull(definition.description());
    assertEquals(Json.mapper().createObjectNode(), definition.metadata());
    assertNull(definition.output());
    assertTrue(definition.goals().isEmpty());
  }

  @Test
  void rejectsUnknownWorkflowFieldSuggestingTheIntendedOne() {
    assertOnlyViolation(workflowWith("\"Timeout\": \"PT1S\""), "/Timeout",
        "unknown field 'Timeout' (did you mean 'timeout'?)");
  }

  @Test
  void keepsMetadataUnchanged() {
    WorkflowDefinition definition = valid(workflowWith("\"metadata\": {\"owner\": \"x\", \"n\": [1]}"));
    assertEquals("x", definition.metadata().get("owner").asText());
  }

  @Test
  void rejectsMetadataThatIsNotAnObject() {
    assertOnlyViolation(workflowWith("\"metadata\": [1]"), "/metadata", "must be an object");
  }

  @Test
  void rejectsInvalidInputSchemaAtTheOffendingKeyword() {
    assertOnlyViolation(workflowWith("\"inputSchema\": {\"properties\": {\"sku\": {\"type\": \"strnig\"}}}"),
        "/inputSchema/properties/sku/type", "invalid JSON Schema");
  }

  @Test
  void rejectsWorkflowTimeoutThatIsNotIsoDuration() {
    assertOnlyViolation(workflowWith("\"timeout\": \"10 minutes\""), "/timeout", "ISO-8601 duration");
  }

  @Test
  void rejectsZeroWorkflowTimeout() {
    assertOnlyViolation(workflowWith("\"timeout\": \"PT0S\""), "/timeout", "longer than zero");
  }

  @Test
  void rejectsNegativeWorkflowTimeout() {
    assertOnlyViolation(workflowWith("\"timeout\": \"-PT5S\""), "/timeout", "longer than zero");
  }

  @Test
  void acceptsDayDurations() {
    assertEquals(java.time.Duration.ofDays(1), valid(workflowWith("\"timeout\": \"P1D\"")).timeout());
  }

  @Test
  void requiresSteps() {
    assertOnlyViolation("{\"id\": \"wf\"}", "/steps", "missing required field 'steps'");
  }

  @Test
  void rejectsEmptySteps() {
    assertOnlyViolation("{\"id\": \"wf\", \"steps\": []}", "/steps", "non-empty array");
  }

  @Test
  void rejectsStepThatIsNotAnObject() {
    assertOnlyViolation(workflow(STEP, "\"b\""), "/steps/1", "must be an object");
  }

  @Test
  void rejectsInvalidOutputExpression() {
    assertOnlyViolation(workflowWith("\"output\": {\"x\": [1, \"${ .a | }\"]}"), "/output/x/1",
        "invalid expression '.a |'");
  }

  @Test
  void rejectsUnknownFieldInDefaults() {
    assertOnlyViolation(workflowWith("\"defaults\": {\"retries\": 3}"), "/defaults/retries",
        "unknown field 'retries'");
  }

  @Test
  void rejectsInvalidDefaultTimeout() {
    assertOnlyViolation(workflowWith("\"defaults\": {\"timeout\": \"30s\"}"), "/defaults/timeout",
        "ISO-8601 duration");
  }

  @Test
  void requiresGoalNameAndWhen() {
    List<Violation> violations = violations(workflowWith("\"goals\": [{}]"));
    assertEquals(2, violations.size(), Definitions.describe(violations));
    Definitions.assertViolation(violations, "/goals/0/name", "missing required field 'name'");
    Definitions.assertViolation(violations, "/goals/0/when", "missing required field 'when'");
  }

  @Test
  void rejectsConstantGoalConditionThatIsNotBoolean() {
    assertOnlyViolation(workflowWith("\"goals\": [{\"name\": \"g\", \"when\": \"yes\"}]"),
        "/goals/0/when", "must yield a boolean");
  }

  @Test
  void treatsExplicitNullAsAbsentForOptionalFields() {
    WorkflowDefinition definition = valid(workflowWith("\"description\": null, \"timeout\": null"));
    assertNull(definition.description());
    assertNull(definition.timeout());
  }

  @Test
  void acceptsAnyDisplayText() {
    WorkflowDefinition definition = valid(workflowWith("\"name\": \"\", \"description\": \"\""));
    assertEquals("", definition.name());
    assertEquals("", definition.description());
  }

  @Test
  void rejectsDisplayTextThatIsNotAString() {
    assertOnlyViolation(workflowWith("\"description\": [\"x\"]"), "/description", "must be a string");
  }

  @Test
  void keepsTheSubmittedDocumentAsSource() {
    String json = workflowWith("\"description\": \"d\"");
    WorkflowDefinition definition = valid(json);
    assertEquals(Definitions.PARSER.parse(json), Definitions.PARSER.parse(json));
    assertEquals("d", definition.source().get("description").asText());
  }
}
