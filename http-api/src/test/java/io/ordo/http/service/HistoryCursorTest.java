package io.ordo.http.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryCursorTest {

  @Test
  void aCursorRoundTripsThroughItsOpaqueText() {
    var cursor = new HistoryCursor(Instant.parse("2026-01-01T10:00:00.123456Z"),
        "3f0c2a77-1111-2222-3333-444455556666");
    String text = cursor.encode();
    assertTrue(text.matches("[A-Za-z0-9_-]+"), "URL-safe without escaping: " + text);
    assertEquals(Optional.of(cursor), HistoryCursor.decode(text));
  }

  @Test
  void textThisApiDidNotGiveOutIsNoCursor() {
    assertEquals(Optional.empty(), HistoryCursor.decode("abc"));
    assertEquals(Optional.empty(), HistoryCursor.decode("not base64!"));
    assertEquals(Optional.empty(), HistoryCursor.decode(java.util.Base64.getUrlEncoder()
        .encodeToString("yesterday|x".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
  }
}
