package io.ordo.http.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of {@code GET /executions} ended: the (started_at, execution_id) of its last row,
 * the keyset the next page continues below. Opaque to clients: URL-safe base64 of
 * {@code <ISO instant>|<execution id>}.
 */
public record HistoryCursor(Instant startedAt, String executionId) {

  public String encode() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(
        (startedAt + "|" + executionId).getBytes(StandardCharsets.UTF_8));
  }

  /** Empty for anything this class did not encode. */
  public static Optional<HistoryCursor> decode(String text) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      if (bar < 1 || bar == raw.length() - 1) {
        return Optional.empty();
      }
      return Optional.of(new HistoryCursor(Instant.parse(raw.substring(0, bar)),
          raw.substring(bar + 1)));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
