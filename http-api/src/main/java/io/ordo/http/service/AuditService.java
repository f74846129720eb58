package io.ordo.http.service;

import io.ordo.engine.runtime.audit.AuditQuery;
import io.ordo.engine.runtime.audit.AuditStore;
import io.ordo.engine.runtime.audit.Caller;
import io.ordo.http.dto.AuditEntryView;
import io.ordo.http.dto.AuditPageView;
import java.util.concurrent.CompletionStage;

/**
 * Reads the caller's workspace's audit log. Workflow, agent and breaker changes are written in
 * the transaction of the change; execution commands by the {@code audit-executions} projection,
 * about a second after the command.
 */
public final class AuditService {

  private final AuditStore store;

  public AuditService(AuditStore store) {
    this.store = store;
  }

  public CompletionStage<AuditPageView> list(Caller caller, AuditFilter f) {
    var query = new AuditQuery(caller.workspaceId(), f.entityType(), f.entityId(), f.actor(),
        f.action(), f.correlationId(), f.from(), f.to(), f.cursor(), f.limit());
    return store.find(query).thenApply(page -> new AuditPageView(
        page.items().stream().map(AuditEntryView::of).toList(),
        page.next() == null ? null : page.next().encode()));
  }
}
