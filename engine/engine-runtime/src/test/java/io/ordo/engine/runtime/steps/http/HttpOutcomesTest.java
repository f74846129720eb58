package io.ordo.engine.runtime.steps.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ordo.engine.runtime.steps.StepOutcome;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The classification as pure functions, without a network. */
class HttpOutcomesTest {

  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final OutboundRequest REQUEST = new OutboundRequest("GET",
      URI.create("https://api.example.com/v1/x?token=s3cret"), List.of(), null, null);

  private static StepOutcome classify(int status, String retryAfter, Set<Integer> retryOn) {
    Map<String, String> headers = retryAfter == null ? Map.of() : Map.of("retry-after", retryAfter);
    return HttpOutcomes.classify(REQUEST, new HttpResult.Response(status, "", headers,
        new byte[0], null, null), retryOn, null, NOW);
  }

  @Test
  void parsesRetryAfterAsSecondsOrHttpDate() {
    assertEquals(Duration.ofSeconds(120), HttpOutcomes.retryAfter(" 120 ", NOW));
    assertEquals(Duration.ofSeconds(30),
        HttpOutcomes.retryAfter("Mon, 2 Mar 2026 09:00:30 GMT", NOW));
    assertEquals(Duration.ZERO, HttpOutcomes.retryAfter("Mon, 2 Mar 2026 08:00:00 GMT", NOW));
    assertNull(HttpOutcomes.retryAfter("soon", NOW));
    assertNull(HttpOutcomes.retryAfter("99999999999999999999999", NOW));
    assertNull(HttpOutcomes.retryAfter(null, NOW));
  }

  @Test
  void classifiesEachStatusRange() {
    assertTrue(classify(200, null, Set.of()) instanceof StepOutcome.Succeeded);
    assertTrue(classify(299, null, Set.of()) instanceof StepOutcome.Succeeded);
    assertError(classify(301, null, Set.of()), HttpErrorClasses.HTTP_3XX, false);
    assertError(classify(404, null, Set.of()), HttpErrorClasses.HTTP_4XX, false);
    assertError(classify(404, null, Set.of(404)), HttpErrorClasses.HTTP_4XX, true);
    assertError(classify(408, null, Set.of()), HttpErrorClasses.HTTP_408, true);
    assertError(classify(429, null, Set.of()), HttpErrorClasses.HTTP_429, true);
    assertError(classify(500, null, Set.of()), HttpErrorClasses.HTTP_5XX, true);
  }

  @Test
  void aRetryableAnswerCarriesItsRetryAfterAndANonRetryableOneDoesNot() {
    assertEquals(Duration.ofSeconds(5),
        ((StepOutcome.Failed) classify(503, "5", Set.of())).retryAfter());
    assertNull(((StepOutcome.Failed) classify(400, "5", Set.of())).retryAfter());
  }

  @Test
  void messagesLeaveTheQueryStringOut() {
    var failed = (StepOutcome.Failed) classify(500, null, Set.of());
    assertEquals("GET https://api.example.com/v1/x answered 500", failed.error().message());
    assertFalse(failed.error().message().contains("s3cret"));
  }

  @Test
  void keepsJsonLabelledBodiesThatAreNotJsonAsText() {
    var response = new HttpResult.Response(200, "OK", Map.of(),
        "{broken".getBytes(StandardCharsets.UTF_8), "application/problem+json", null);
    assertEquals("{broken", HttpOutcomes.body(response).asText());
  }

  private static void assertError(StepOutcome outcome, String errorClass, boolean retryable) {
    var failed = (StepOutcome.Failed) outcome;
    assertEquals(errorClass, failed.error().errorClass());
    assertEquals(retryable, failed.error().retryable());
  }
}
