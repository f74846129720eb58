package io.ordo.engine.model.validation;

import static io.ordo.engine.model.validation.Definitions.assertOnlyViolation;
import static io.ordo.engine.model.validation.Definitions.assertViolation;
import static io.ordo.engine.model.validation.Definitions.valid;
import static io.ordo.engine.model.validation.Definitions.violations;
import static io.ordo.engine.model.validation.Definitions.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ordo.engine.model.steps.HttpRequestSpec;
import io.ordo.engine.model.steps.StepSpec;
import io.ordo.engine.model.steps.SubWorkflowSpec;
import io.ordo.engine.model.steps.WaitSpec;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Type-specific checks of the steps that do work (everything but the control types). */
class WorkStepValidationTest {

  private static String step(String type, String fields) {
    return workflow("{\"id\": \"s\", \"type\": \"" + type + "\"" + (fields.isEmpty() ? "" : ", " + fields) + "}");
  }

  private static StepSpec spec(String type, String fields) {
    return valid(step(type, fields)).steps().get(0).spec();
  }

  // HTTP_REQUEST

  @Test
  void readsHttpRequestWithDefaults() {
    HttpRequestSpec spec = (HttpRequestSpec) spec("HTTP_REQUEST", "\"request\": {\"url\": \"https://x.example/a\"}");
    assertEquals("GET", spec.method());
    assertNull(spec.agent());
    assertTrue(spec.headers().isEmpty());
    assertTrue(spec.retryOn().isEmpty());
    assertNull(spec.body());
  }

  @Test
  void readsRetryOnStatusCodes() {
    HttpRequestSpec spec = (HttpRequestSpec) spec("HTTP_REQUEST",
        "\"retryOn\": [409, 423], \"request\": {\"url\": \"https://x.example\"}");
    assertEquals(Set.of(409, 423), spec.retryOn());
  }

  @Test
  void requiresHttpRequestObject() {
    assertOnlyViolation(step("HTTP_REQUEST", "\"agent\": \"inventory\""), "/steps/0/request",
        "missing required field 'request'");
  }

  @Test
  void rejectsHttpRequestWithBothAgentAndUrl() {
    assertOnlyViolation(step("HTTP_REQUEST",
        "\"agent\": \"inv\", \"request\": {\"path\": \"/a\", \"url\": \"https://x.example\"}"),
        "/steps/0/request/url", "not allowed with 'agent'");
  }

  @Test
  void rejectsHttpRequestWithNeitherAgentNorUrl() {
    assertOnlyViolation(step("HTTP_REQUEST", "\"request\": {\"method\": \"GET\"}"), "/steps/0",
        "needs either 'agent'");
  }

  @Test
  void requiresPathWithAgent() {
    assertOnlyViolation(step("HTTP_REQUEST", "\"agent\": \"inv\", \"request\": {}"),
        "/steps/0/request/path", "required with 'agent'");
  }

  @Test
  void rejectsPathWithoutAgent() {
    assertOnlyViolation(step("HTTP_REQUEST", "\"request\": {\"url\": \"https://x.example\", \"path\": \"/a\"}"),
        "/steps/0/request/path", "only allowed with 'agent'");
  }

  @Test
  void rejectsUnsupportedHttpMethod() {
    assertOnlyViolation(step("HTTP_REQUEST", "\"request\": {\"url\": \"https://x.example\", \"method\": \"get\"}"),
        "/steps/0/request/method", "unsupported method 'get'");
  }

  @Test
  void rejectsLiteralUrlThatIsNotAbsoluteHttp() {
    assertOnlyViolation(step("HTTP_REQUEST", "\"request\": {\"url\": \"ftp://x.example/a\"}"),
        "/steps/0/request/url", "absolute http(s) URL");
  }

  @Test
  void acceptsUrlTemplate() {
    HttpRequestSpec spec = (HttpRequestSpec) spec("HTTP_REQUEST", "\"request\": {\"url\": \"${ .input.url }\"}");
    assertFalse(spec.url().isConstant());
  }

  @Test
  void rejectsStatusCodeOutOfRangeInRetryOn() {
    assertOnlyViolation(step("HTTP_REQUEST", "\"retryOn\": [409, 42], \"request\": {\"url\": \"https://x.example\"}"),
        "/steps/0/retryOn/1", "HTTP status code");
  }

  @Test
  void rejectsInvalidHeaderTemplateAtTheHeader() {
    assertOnlyViolation(step("HTTP_REQUEST",
        "\"request\": {\"url\": \"https://x.example\", \"headers\": {\"X-A\": \"${ .a. }\"}}"),
        "/steps/0/request/headers/X-A", "invalid expression");
  }

  @Test
  void rejectsHeadersThatAreNotAnObject() {
    assertOnlyViolation(step("HTTP_REQUEST", "\"request\": {\"url\": \"https://x.example\", \"query\": [1]}"),
        "/steps/0/request/query", "must be an object");
  }

  @Test
  void rejectsUnknownFieldInRequest() {
    assertOnlyViolation(step("HTTP_REQUEST", "\"request\": {\"url\": \"https://x.example\", \"timeout\": 1}"),
        "/steps/0/request/timeout", "unknown field 'timeout'");
  }

  // WEBHOOK_CALL

  @Test
  void requiresWebhookUrl() {
    assertOnlyViolation(step("WEBHOOK_CALL", "\"payload\": 1"), "/steps/0/url", "missing required field 'url'");
  }

  @Test
  void rejectsWebhookUrlThatIsNotAUrl() {
    assertOnlyViolation(step("WEBHOOK_CALL", "\"url\": \"hooks.example.com\""), "/steps/0/url",
        "absolute http(s) URL");
  }

  // DATA_TRANSFORM

  @Test
  void requiresTransformExpression() {
    assertOnlyViolation(step("DATA_TRANSFORM", ""), "/steps/0/expression", "missing required field 'expression'");
  }

  @Test
  void acceptsNullAsConstantTransformExpression() {
    assertTrue(valid(step("DATA_TRANSFORM", "\"expression\": null")).steps().get(0).spec() != null);
  }

  @Test
  void reportsEveryBrokenExpressionOfOneTemplate() {
    List<Violation> violations = violations(step("DATA_TRANSFORM",
        "\"expression\": {\"a\": \"${ 1 + }\", \"b\": [\"ok ${ .x }\", \"${ ) }\"]}"));
    assertEquals(2, violations.size(), Definitions.describe(violations));
    assertViolation(violations, "/steps/0/expression/a", "unexpected end of expression");
    assertViolation(violations, "/steps/0/expression/b/1", "unexpected ')'");
  }

  // WAIT

  @Test
  void requiresOneWaitKind() {
    assertOnlyViolation(step("WAIT", ""), "/steps/0", "needs one of 'duration', 'until' or 'signal'");
  }

  @Test
  void rejectsSeveralWaitKinds() {
    assertOnlyViolation(step("WAIT", "\"duration\": \"PT1S\", \"signal\": \"go\""), "/steps/0",
        "exactly one of");
  }

  @Test
  void rejectsInvalidLiteralWaitDuration() {
    assertOnlyViolation(step("WAIT", "\"duration\": \"1h\""), "/steps/0/duration", "ISO-8601 duration");
  }

  @Test
  void rejectsZeroWaitDuration() {
    assertOnlyViolation(step("WAIT", "\"duration\": \"PT0S\""), "/steps/0/duration", "longer than zero");
  }

  @Test
  void onlyCompilesADurationTemplate() {
    WaitSpec spec = (WaitSpec) spec("WAIT", "\"duration\": \"PT${ .input.minutes }M\"");
    assertEquals(WaitSpec.Kind.DURATION, spec.kind());
    assertFalse(spec.value().isConstant());
  }

  @Test
  void acceptsUntilAsTimestampOrEpochMillis() {
    assertEquals(WaitSpec.Kind.UNTIL, ((WaitSpec) spec("WAIT", "\"until\": \"2026-12-01T09:00:00+01:00\"")).kind());
    assertEquals(WaitSpec.Kind.UNTIL, ((WaitSpec) spec("WAIT", "\"until\": 1796115600000")).kind());
  }

  @Test
  void rejectsInvalidLiteralUntil() {
    assertOnlyViolation(step("WAIT", "\"until\": \"tomorrow\""), "/steps/0/until", "ISO-8601 timestamp");
  }

  @Test
  void readsSignalWait() {
    WaitSpec spec = (WaitSpec) spec("WAIT", "\"signal\": \"approved\"");
    assertEquals(WaitSpec.Kind.SIGNAL, spec.kind());
    assertEquals("approved", spec.signal());
    assertNull(spec.value());
  }

  @Test
  void rejectsSignalNameThatCannotBeInAUrl() {
    assertOnlyViolation(step("WAIT", "\"signal\": \"a/b\""), "/steps/0/signal", "must match");
  }

  // VALIDATION

  @Test
  void requiresValidationValueAndSchema() {
    List<Violation> violations = violations(step("VALIDATION", ""));
    assertEquals(2, violations.size(), Definitions.describe(violations));
    assertViolation(violations, "/steps/0/value", "missing required field 'value'");
    assertViolation(violations, "/steps/0/schema", "missing required field 'schema'");
  }

  @Test
  void rejectsInvalidValidationSchemaAtTheKeyword() {
    assertOnlyViolation(step("VALIDATION", "\"value\": 1, \"schema\": {\"required\": \"x\"}"),
        "/steps/0/schema/required", "invalid JSON Schema");
  }

  // SUB_WORKFLOW

  @Test
  void readsSubWorkflow() {
    SubWorkflowSpec spec = (SubWorkflowSpec) spec("SUB_WORKFLOW", "\"workflow\": \"child\"");
    assertEquals("child", spec.workflow());
    assertNull(spec.version());
    assertNull(spec.input());
  }

  @Test
  void requiresSubWorkflowId() {
    assertOnlyViolation(step("SUB_WORKFLOW", "\"input\": {}"), "/steps/0/workflow", "missing required field");
  }

  @Test
  void rejectsSubWorkflowVersionBelowOne() {
    assertOnlyViolation(step("SUB_WORKFLOW", "\"workflow\": \"child\", \"version\": 0"), "/steps/0/version",
        "must be at least 1");
  }

  @Test
  void rejectsSubWorkflowVersionThatIsNotAnInteger() {
    assertOnlyViolation(step("SUB_WORKFLOW", "\"workflow\": \"child\", \"version\": 1.5"), "/steps/0/version",
        "must be an integer");
  }
}
