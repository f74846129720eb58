package io.ordo.engine.runtime.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.runtime.OrdoSerializable;
import io.ordo.engine.runtime.definitions.WorkflowKey;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.Origin;
import io.ordo.engine.runtime.execution.events.ParentRef;

/**
 * A start as the entity receives it. It carries the definition's source so the entity's node can
 * compile it without a database round trip; the version in {@code workflow} is what the
 * execution pins. {@code origin} (who asked, under which request) goes into the start event for
 * the audit log; null when the engine starts an execution itself.
 */
public record StartRequest(String executionId, WorkflowKey workflow, JsonNode definition,
    JsonNode input, String triggeredBy, String idempotencyKey, ParentRef parent, Origin origin)
    implements OrdoSerializable {

  public StartRequest(String executionId, WorkflowKey workflow, JsonNode definition,
      JsonNode input, String triggeredBy, String idempotencyKey) {
    this(executionId, workflow, definition, input, triggeredBy, idempotencyKey, null, null);
  }

  public StartRequest(String executionId, WorkflowKey workflow, JsonNode definition,
      JsonNode input, String triggeredBy, String idempotencyKey, ParentRef parent) {
    this(executionId, workflow, definition, input, triggeredBy, idempotencyKey, parent, null);
  }
}
