package io.ordo.engine.runtime.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A page of one workspace's audit log, newest first. Filters left null match everything;
 * {@code from} is inclusive, {@code to} exclusive; {@code after} is the cursor of the previous
 * page's last entry.
 */
public record AuditQuery(String workspaceId, String entityType, String entityId, String actor,
    String action, String correlationId, Instant from, Instant to, Cursor after, int limit) {

  /** A position in the log's order, (at, id) descending; opaque to clients. */
  public record Cursor(Instant at, long id) {

    public String encode() {
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back; throws IllegalArgumentException when it is not one. */
    public static Cursor decode(String text) {
      try {
        String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        int bar = raw.indexOf('|');
        return new Cursor(Instant.parse(raw.substring(0, bar)),
            Long.parseLong(raw.substring(bar + 1)));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("not a cursor this API gave out", e);
      }
    }
  }
}
