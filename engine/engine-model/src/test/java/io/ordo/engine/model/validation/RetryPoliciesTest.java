package io.ordo.engine.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.Json;
import io.ordo.engine.model.retry.RetryPolicy;
import io.ordo.engine.model.retry.RetryStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retry policies read on their own, as agents' defaults are. */
class RetryPoliciesTest {

  private static JsonNode json(String text) throws Exception {
    return Json.mapper().readTree(text);
  }

  @Test
  void readsAPolicyWithTheDslDefaults() throws Exception {
    RetryPolicies.Parsed parsed = RetryPolicies.parse(json("{\"strategy\": \"FIXED\"}"), "/r");

    assertTrue(parsed.valid());
    assertEquals(RetryStrategy.FIXED, parsed.policy().strategy());
    assertEquals(RetryPolicy.DEFAULT_MAX_ATTEMPTS, parsed.policy().maxAttempts());
  }

  @Test
  void reportsEveryViolationUnderTheGivenPointer() throws Exception {
    RetryPolicies.Parsed parsed = RetryPolicies.parse(
        json("{\"strategy\": \"SOMETIMES\", \"maxAttempts\": 0, \"colour\": 1}"),
        "/defaultRetry");

    assertFalse(parsed.valid());
    assertNull(parsed.policy());
    assertEquals(List.of("/defaultRetry/strategy", "/defaultRetry/maxAttempts",
        "/defaultRetry/colour"), parsed.violations().stream().map(Violation::pointer).toList());
  }

  @Test
  void reportsANonObjectAtThePointerItself() throws Exception {
    RetryPolicies.Parsed parsed = RetryPolicies.parse(json("\"EXPONENTIAL\""), "/defaultRetry");

    assertEquals(List.of(new Violation("/defaultRetry", "must be an object")),
        parsed.violations());
  }
}
