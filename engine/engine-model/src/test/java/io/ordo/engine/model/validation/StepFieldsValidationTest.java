package io.ordo.engine.model.validation;

import static io.ordo.engine.model.validation.Definitions.assertOnlyViolation;
import static io.ordo.engine.model.validation.Definitions.assertViolation;
import static io.ordo.engine.model.validation.Definitions.transform;
import static io.ordo.engine.model.validation.Definitions.valid;
import static io.ordo.engine.model.validation.Definitions.violations;
import static io.ordo.engine.model.validation.Definitions.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ordo.engine.model.ArtifactSpec;
import io.ordo.engine.model.OnError;
import io.ordo.engine.model.StepDefinition;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Structural checks on the fields every step has. */
class StepFieldsValidationTest {

  @Test
  void appliesStepDefaults() {
    StepDefinition step = valid(workflow(transform("a"))).steps().get(0);
    assertEquals(OnError.FAIL, step.onError());
    assertTrue(step.dependsOn().isEmpty());
    assertTrue(step.artifacts().isEmpty());
    assertNull(step.when());
    assertNull(step.retry());
    assertNull(step.timeout());
  }

  @Test
  void requiresStepId() {
    assertOnlyViolation(workflow("{\"type\": \"DATA_TRANSFORM\", \"expression\": 1}"), "/steps/0/id",
        "missing required field 'id'");
  }

  @Test
  void rejectsStepIdNotMatchingThePattern() {
    assertOnlyViolation(workflow(transform("a b")), "/steps/0/id", "must match");
  }

  @Test
  void requiresStepType() {
    assertOnlyViolation(workflow("{\"id\": \"a\", \"expression\": 1}"), "/steps/0/type",
        "missing required field 'type'");
  }

  @Test
  void rejectsUnknownStepTypeListingTheKnownOnes() {
    assertOnlyViolation(workflow("{\"id\": \"a\", \"type\": \"HTTP\", \"url\": \"x\"}"), "/steps/0/type",
        "unknown step type 'HTTP' (expected one of HTTP_REQUEST, WEBHOOK_CALL");
  }

  @Test
  void rejectsUnknownStepFieldSuggestingTheIntendedOne() {
    assertOnlyViolation(workflow(transform("a"), transform("b", "\"dependson\": [\"a\"]")),
        "/steps/1/dependson", "unknown field 'dependson' (did you mean 'dependsOn'?)");
  }

  @Test
  void rejectsFieldOfAnotherStepType() {
    assertOnlyViolation(workflow(transform("a", "\"url\": \"https://x.example\"")), "/steps/0/url",
        "unknown field 'url'");
  }

  @Test
  void rejectsDependsOnThatIsNotAnArray() {
    assertOnlyViolation(workflow(transform("a"), transform("b", "\"dependsOn\": \"a\"")),
        "/steps/1/dependsOn", "must be an array of strings");
  }

  @Test
  void rejectsDependsOnEntryThatIsNotAString() {
    assertOnlyViolation(workflow(transform("a"), transform("b", "\"dependsOn\": [\"a\", 3]")),
        "/steps/1/dependsOn/1", "must be a non-empty string");
  }

  @Test
  void rejectsConstantWhenThatIsNotBoolean() {
    assertOnlyViolation(workflow(transform("a", "\"when\": \"true\"")), "/steps/0/when",
        "must yield a boolean, not string");
  }

  @Test
  void rejectsInvalidWhenExpression() {
    assertOnlyViolation(workflow(transform("a", "\"when\": \"${ .input.x == }\"")), "/steps/0/when",
        "invalid expression '.input.x =='");
  }

  @Test
  void rejectsInvalidStepTimeout() {
    assertOnlyViolation(workflow(transform("a", "\"timeout\": 30")), "/steps/0/timeout",
        "ISO-8601 duration");
  }

  @Test
  void readsStepTimeout() {
    assertEquals(Duration.ofMillis(1500),
        valid(workflow(transform("a", "\"timeout\": \"PT1.5S\""))).steps().get(0).timeout());
  }

  @Test
  void rejectsUnknownOnError() {
    assertOnlyViolation(workflow(transform("a", "\"onError\": \"IGNORE\"")), "/steps/0/onError",
        "unknown value 'IGNORE' (expected one of FAIL, CONTINUE)");
  }

  @Test
  void reportsRetryPolicyProblemsUnderTheStep() {
    assertOnlyViolation(workflow(transform("a", "\"retry\": {\"strategy\": \"FIXED\", \"maxAttempts\": 0}")),
        "/steps/0/retry/maxAttempts", "must be at least 1");
  }

  @Test
  void readsArtifacts() {
    StepDefinition step = valid(workflow(transform("a",
        "\"artifacts\": [{\"name\": \"all\"}, {\"name\": \"n\", \"value\": \"${ .output.n }\", \"contentType\": \"text/plain\"}]")))
        .steps().get(0);
    assertEquals(List.of("all", "n"), step.artifacts().stream().map(ArtifactSpec::name).toList());
    assertNull(step.artifacts().get(0).value());
    assertEquals("text/plain", step.artifacts().get(1).contentType());
  }

  @Test
  void rejectsArtifactWithoutName() {
    assertOnlyViolation(workflow(transform("a", "\"artifacts\": [{\"value\": 1}]")),
        "/steps/0/artifacts/0/name", "missing required field 'name'");
  }

  @Test
  void rejectsDuplicateArtifactNamesOfOneStep() {
    assertOnlyViolation(workflow(transform("a", "\"artifacts\": [{\"name\": \"x\"}, {\"name\": \"x\"}]")),
        "/steps/0/artifacts/1/name", "duplicate artifact name 'x'");
  }

  @Test
  void rejectsArtifactsThatAreNotAnArray() {
    assertOnlyViolation(workflow(transform("a", "\"artifacts\": {\"name\": \"x\"}")),
        "/steps/0/artifacts", "must be an array");
  }

  @Test
  void rejectsUnknownFieldInArtifact() {
    assertOnlyViolation(workflow(transform("a", "\"artifacts\": [{\"name\": \"x\", \"type\": \"y\"}]")),
        "/steps/0/artifacts/0/type", "unknown field 'type'");
  }

  @Test
  void stillChecksCommonFieldsOfAStepWithUnknownType() {
    List<Violation> violations = violations(workflow(
        "{\"id\": \"a\", \"type\": \"NOPE\", \"timeout\": \"x\", \"whatever\": 1}"));
    assertEquals(2, violations.size(), Definitions.describe(violations));
    assertViolation(violations, "/steps/0/type", "unknown step type 'NOPE'");
    assertViolation(violations, "/steps/0/timeout", "ISO-8601 duration");
  }
}
