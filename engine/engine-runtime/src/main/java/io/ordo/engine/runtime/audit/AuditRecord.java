package io.ordo.engine.runtime.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One stored audit entry, as read back. */
public record AuditRecord(long id, Instant at, String actor, String action, String entityType,
    String entityId, String correlationId, JsonNode details) {

  public AuditQuery.Cursor cursor() {
    return new AuditQuery.Cursor(at, id);
  }
}
