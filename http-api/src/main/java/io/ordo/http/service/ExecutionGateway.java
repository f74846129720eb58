package io.ordo.http.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.runtime.execution.ExecutionEntity;
import io.ordo.engine.runtime.execution.ExecutionEntity.StartReply;
import io.ordo.engine.runtime.execution.StartRequest;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.Origin;
import io.ordo.engine.runtime.execution.state.Execution;
import java.util.concurrent.CompletionStage;

/**
 * The API's port to execution entities, wherever in the cluster they live. Failures arrive as
 * {@link io.ordo.engine.runtime.NotFoundException}, {@link io.ordo.engine.runtime.ConflictException}
 * or {@link io.ordo.http.problems.UnprocessableException}; an execution of another workspace is
 * not found. {@code origin} (the caller and its request id) is recorded with what a command
 * changes, for the audit log.
 */
public interface ExecutionGateway {

  CompletionStage<StartReply> start(StartRequest request);

  CompletionStage<Execution> get(String workspaceId, String executionId);

  CompletionStage<Execution> cancel(String workspaceId, String executionId, Origin origin,
      String reason);

  CompletionStage<ExecutionEntity.SignalReply> signal(String workspaceId, String executionId,
      Origin origin, String name, JsonNode payload);

  CompletionStage<Execution> pause(String workspaceId, String executionId, Origin origin);

  CompletionStage<Execution> resume(String workspaceId, String executionId, Origin origin);

  CompletionStage<Execution> retry(String workspaceId, String executionId, Origin origin);

  /** The execution once it has ended, or empty when it has not within {@code wait}. */
  CompletionStage<java.util.Optional<Execution>> awaitEnd(String executionId,
      java.time.Duration wait);
}
