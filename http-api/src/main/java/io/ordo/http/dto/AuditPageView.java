package io.ordo.http.dto;

import java.util.List;

/** A page of the audit log, newest first: pass {@code nextCursor} back as {@code cursor}. */
public record AuditPageView(List<AuditEntryView> items, String nextCursor) {}
