package io.ordo.engine.model.validation;

import static io.ordo.engine.model.validation.Definitions.assertOnlyViolation;
import static io.ordo.engine.model.validation.Definitions.transform;
import static io.ordo.engine.model.validation.Definitions.valid;
import static io.ordo.engine.model.validation.Definitions.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ordo.engine.model.retry.RetryPolicy;
import io.ordo.engine.model.retry.RetryStrategy;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading retry policies: defaults and ranges. */
class RetryPolicyValidationTest {

  private static String withRetry(String policy) {
    return workflow(transform("a", "\"retry\": " + policy));
  }

  private static RetryPolicy retry(String policy) {
    return valid(withRetry(policy)).steps().get(0).retry();
  }

  @Test
  void appliesDocumentedDefaults() {
    RetryPolicy policy = retry("{\"strategy\": \"LINEAR\"}");
    assertEquals(RetryStrategy.LINEAR, policy.strategy());
    assertEquals(3, policy.maxAttempts());
    assertEquals(Duration.ofSeconds(1), policy.initialDelay());
    assertEquals(Duration.ofMinutes(5), policy.maxDelay());
    assertEquals(2.0, policy.multiplier());
    assertEquals(0.0, policy.jitter());
    assertEquals(Set.of(), policy.nonRetryableErrors());
  }

  @Test
  void defaultsIncrementToInitialDelay() {
    assertEquals(Duration.ofSeconds(7), retry("{\"strategy\": \"LINEAR\", \"initialDelay\": \"PT7S\"}").increment());
  }

  @Test
  void parsesNoneAsTheNonePolicy() {
    assertEquals(RetryPolicy.NONE, retry("{\"strategy\": \"NONE\"}"));
  }

  @Test
  void requiresStrategy() {
    assertOnlyViolation(withRetry("{\"maxAttempts\": 2}"), "/steps/0/retry/strategy", "missing required field");
  }

  @Test
  void rejectsUnknownStrategy() {
    assertOnlyViolation(withRetry("{\"strategy\": \"RANDOM\"}"), "/steps/0/retry/strategy", "unknown value 'RANDOM'");
  }

  @Test
  void rejectsMaxAttemptsBelowOne() {
    assertOnlyViolation(withRetry("{\"strategy\": \"FIXED\", \"maxAttempts\": 0}"), "/steps/0/retry/maxAttempts",
        "must be at least 1");
  }

  @Test
  void rejectsSeveralAttemptsWithStrategyNone() {
    assertOnlyViolation(withRetry("{\"strategy\": \"NONE\", \"maxAttempts\": 3}"), "/steps/0/retry/maxAttempts",
        "must be 1 with strategy NONE");
  }

  @Test
  void rejectsJitterAboveOne() {
    assertOnlyViolation(withRetry("{\"strategy\": \"FIXED\", \"jitter\": 1.5}"), "/steps/0/retry/jitter",
        "between 0.0 and 1.0");
  }

  @Test
  void rejectsMultiplierBelowOne() {
    assertOnlyViolation(withRetry("{\"strategy\": \"EXPONENTIAL\", \"multiplier\": 0.5}"),
        "/steps/0/retry/multiplier", "at least 1.0");
  }

  @Test
  void rejectsNegativeDelay() {
    assertOnlyViolation(withRetry("{\"strategy\": \"FIXED\", \"initialDelay\": \"-PT1S\"}"),
        "/steps/0/retry/initialDelay", "must not be negative");
  }

  @Test
  void acceptsZeroDelay() {
    assertEquals(Duration.ZERO, retry("{\"strategy\": \"FIXED\", \"initialDelay\": \"PT0S\"}").initialDelay());
  }

  @Test
  void rejectsIncrementOutsideLinear() {
    assertOnlyViolation(withRetry("{\"strategy\": \"EXPONENTIAL\", \"increment\": \"PT1S\"}"),
        "/steps/0/retry/increment", "only applies to strategy LINEAR");
  }

  @Test
  void rejectsMultiplierOutsideExponential() {
    assertOnlyViolation(withRetry("{\"strategy\": \"FIXED\", \"multiplier\": 3}"),
        "/steps/0/retry/multiplier", "only applies to strategy EXPONENTIAL");
  }

  @Test
  void rejectsUnknownRetryField() {
    assertOnlyViolation(withRetry("{\"strategy\": \"FIXED\", \"backoff\": 2}"), "/steps/0/retry/backoff",
        "unknown field 'backoff'");
  }

  @Test
  void rejectsNonRetryableErrorsThatAreNotStrings() {
    assertOnlyViolation(withRetry("{\"strategy\": \"FIXED\", \"nonRetryableErrors\": [\"A\", 4]}"),
        "/steps/0/retry/nonRetryableErrors/1", "non-empty string");
  }

  @Test
  void rejectsRetryThatIsNotAnObject() {
    assertOnlyViolation(withRetry("\"EXPONENTIAL\""), "/steps/0/retry", "must be an object");
  }
}
