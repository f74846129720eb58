package io.ordo.engine.runtime.steps.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
  private static final Duration FIVE_MINUTES = WebhookSignature.DEFAULT_TOLERANCE;

  @Test
  void matchesAKnownVector() {
    // printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
    assertEquals("t=1700000000,v1=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686",
        WebhookSignature.header("secret", 1_700_000_000L, BODY));
  }

  @Test
  void verifiesItsOwnSignatureWithinTheTolerance() {
    String header = WebhookSignature.header("secret", NOW.getEpochSecond(), BODY);
    assertTrue(WebhookSignature.verify("secret", header, BODY, NOW.plusSeconds(299),
        FIVE_MINUTES));
  }

  @Test
  void rejectsAnOldTimestampAnotherSecretOrAnotherBody() {
    String header = WebhookSignature.header("secret", NOW.getEpochSecond(), BODY);
    assertFalse(WebhookSignature.verify("secret", header, BODY, NOW.plusSeconds(301),
        FIVE_MINUTES));
    assertFalse(WebhookSignature.verify("other", header, BODY, NOW, FIVE_MINUTES));
    assertFalse(WebhookSignature.verify("secret", header,
        "{\"a\":2}".getBytes(StandardCharsets.UTF_8), NOW, FIVE_MINUTES));
    assertFalse(WebhookSignature.verify("secret", "v1=abc", BODY, NOW, FIVE_MINUTES));
    assertFalse(WebhookSignature.verify("secret", null, BODY, NOW, FIVE_MINUTES));
  }
}
