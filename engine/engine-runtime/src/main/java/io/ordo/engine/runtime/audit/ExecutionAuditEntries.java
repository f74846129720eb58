package io.ordo.engine.runtime.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.Commanded;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCancelled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionPaused;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionResumed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionRetried;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.SignalReceived;
import java.util.Optional;

/**
 * The audit entry an execution command's event stands for: who (the command's origin, else the
 * {@code by} or {@code triggeredBy} the event names, else "system"), which action, and what
 * changed. Only the start event names the workspace; for the others it is null and the writer
 * takes it from the execution's start entry. Pure, so the mapping is tested without a database.
 */
public final class ExecutionAuditEntries {

  public static final String ENTITY_TYPE = "execution";
  public static final String SYSTEM = "system";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ExecutionAuditEntries() {}

  public static Optional<AuditEntry> of(String executionId, ExecutionEvent event) {
    if (!(event instanceof Commanded commanded)) {
      return Optional.empty();
    }
    ObjectNode details = JSON.objectNode();
    String action;
    String workspace = null;
    String named;
    if (event instanceof ExecutionStarted e) {
      action = "execution.started";
      workspace = e.workspaceId();
      named = e.triggeredBy();
      details.put("workflowId", e.workflowId()).put("version", e.version());
      putIfSet(details, "triggeredBy", e.triggeredBy());
      putIfSet(details, "idempotencyKey", e.idempotencyKey());
      if (e.parent() != null) {
        details.put("parentExecutionId", e.parent().executionId())
            .put("parentStepId", e.parent().stepId());
      }
    } else if (event instanceof ExecutionCancelled e) {
      action = "execution.cancelled";
      named = e.by();
      details.put("status", "CANCELLED");
      putIfSet(details, "reason", e.reason());
    } else if (event instanceof ExecutionRetried e) {
      action = "execution.retried";
      named = e.by();
      details.put("status", "RUNNING");
      putIfSet(details, "deadline", e.deadline() == null ? null : e.deadline().toString());
    } else if (event instanceof ExecutionPaused e) {
      action = "execution.paused";
      named = e.by();
      details.put("status", "PAUSED");
    } else if (event instanceof ExecutionResumed e) {
      action = "execution.resumed";
      named = e.by();
      details.put("status", "RUNNING");
    } else if (event instanceof SignalReceived e) {
      action = "execution.signalled";
      named = null;
      details.put("signal", e.name()).put("kept", e.stepId() == null);
      putIfSet(details, "stepId", e.stepId());
      if (e.item() != null) {
        details.put("item", e.item());
      }
    } else {
      throw new IllegalStateException("no audit action for " + event.getClass().getSimpleName());
    }
    var origin = commanded.origin();
    String actor = origin != null && origin.actor() != null ? origin.actor()
        : named != null ? named : SYSTEM;
    return Optional.of(new AuditEntry(workspace, actor, action, ENTITY_TYPE, executionId,
        origin == null ? null : origin.correlationId(), details));
  }

  private static void putIfSet(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
