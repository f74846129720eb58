package io.ordo.http.dto;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.runtime.audit.AuditRecord;
import java.time.Instant;

/**
 * One audit log entry: who ({@code actor}) did what ({@code action}) to which entity, when, under
 * which request ({@code correlationId}: its X-Request-Id), and what changed. {@code changes}
 * depends on the action (changed JSON pointers, versions, new status); it never holds a secret.
 */
public record AuditEntryView(long id, Instant at, String actor, String action, String entityType,
    String entityId, String correlationId, JsonNode changes) {

  public static AuditEntryView of(AuditRecord r) {
    return new AuditEntryView(r.id(), r.at(), r.actor(), r.action(), r.entityType(),
        r.entityId(), r.correlationId(), r.details());
  }
}
