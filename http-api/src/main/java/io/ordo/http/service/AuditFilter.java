package io.ordo.http.service;

import io.ordo.engine.runtime.audit.AuditQuery;
import java.time.Instant;

/** What {@code GET /audit} asks for; null filters match everything. */
public record AuditFilter(String entityType, String entityId, String actor, String action,
    String correlationId, Instant from, Instant to, AuditQuery.Cursor cursor, int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;
}
