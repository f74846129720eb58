package io.ordo.http.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ordo.engine.runtime.ConflictException;
import io.ordo.engine.runtime.audit.Caller;
import io.ordo.engine.runtime.definitions.CompiledWorkflow;
import io.ordo.engine.runtime.definitions.DefinitionRegistry;
import io.ordo.engine.runtime.definitions.WorkflowKey;
import io.ordo.engine.runtime.definitions.WorkflowRecord;
import io.ordo.engine.runtime.execution.ExecutionEntity.StartReply;
import io.ordo.engine.runtime.execution.ExecutionIds;
import io.ordo.engine.runtime.execution.StartRequest;
import io.ordo.engine.runtime.execution.StepSupport;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.Origin;
import io.ordo.engine.runtime.execution.state.Execution;
import io.ordo.engine.runtime.steps.StepHandlers;
import io.ordo.http.dto.ExecuteRequest;
import io.ordo.http.dto.ExecutionView;
import io.ordo.http.dto.ExecutionViews;
import io.ordo.http.problems.FieldError;
import io.ordo.http.problems.InvalidRequestException;
import io.ordo.http.problems.Problem;
import io.ordo.http.problems.UnprocessableException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Starting and reading executions: resolves the definition version, checks the input against
 * the workflow's input schema and the steps against what this node can run, then hands over to
 * the execution entity. A start is acknowledged only once the entity has persisted it.
 */
public final class ExecutionService {

  public static final String INVALID_INPUT = Problem.BASE + "invalid-input";

  /** The outcome of a start: {@code created} is false for a repeat of an earlier start. */
  public record Started(StartReply reply, WorkflowKey workflow) {}

  private final WorkflowService workflows;
  private final DefinitionRegistry registry;
  private final ExecutionGateway gateway;
  private final StepHandlers handlers;

  public ExecutionService(WorkflowService workflows, DefinitionRegistry registry,
      ExecutionGateway gateway, StepHandlers handlers) {
    this.workflows = workflows;
    this.registry = registry;
    this.gateway = gateway;
    this.handlers = handlers;
  }

  public CompletionStage<Started> start(Caller caller, String workflowId, ExecuteRequest request) {
    return workflows.get(caller, workflowId, request.version()).thenCompose(record -> {
      CompiledWorkflow workflow = admit(record);
      JsonNode input = request.input() == null ? JsonNodeFactory.instance.objectNode()
          : request.input();
      checkInput(workflow, input);
      String executionId = ExecutionIds.forStart(caller.workspaceId(), workflowId,
          request.idempotencyKey());
      String triggeredBy = request.triggeredBy() != null ? request.triggeredBy() : caller.actor();
      var start = new StartRequest(executionId, record.key(), record.definition(), input,
          triggeredBy, request.idempotencyKey(), null, origin(caller));
      return gateway.start(start).thenApply(reply -> new Started(reply, record.key()));
    });
  }

  /**
   * The ended execution when it ends within {@code wait} (at once when it ran in-process), or
   * empty when the wait runs out. Nothing waits on a thread meanwhile.
   */
  public CompletionStage<Optional<ExecutionView>> awaitEnd(Started started, Duration wait) {
    String id = started.reply().executionId();
    return gateway.awaitEnd(id, wait).thenCompose(ended -> ended.isEmpty()
        ? CompletableFuture.completedFuture(Optional.<ExecutionView>empty())
        : view(ended.get()).thenApply(Optional::of));
  }

  public CompletionStage<ExecutionView> get(Caller caller, String executionId) {
    return gateway.get(caller.workspaceId(), executionId).thenCompose(this::view);
  }

  public CompletionStage<ExecutionView> cancel(Caller caller, String executionId, String reason) {
    return gateway.cancel(caller.workspaceId(), executionId, origin(caller), reason)
        .thenCompose(this::view);
  }

  /** The signal and what became of it: the step it completed, or kept for a later one. */
  public record Signalled(String executionId, String signal, String stepId, Integer item,
      boolean kept, String status) {}

  public CompletionStage<Signalled> signal(Caller caller, String executionId, String name,
      JsonNode payload) {
    return gateway.signal(caller.workspaceId(), executionId, origin(caller), name, payload)
        .thenApply(reply -> new Signalled(executionId, name, reply.stepId(), reply.item(),
            reply.stepId() == null, reply.status().name()));
  }

  public CompletionStage<ExecutionView> pause(Caller caller, String executionId) {
    return gateway.pause(caller.workspaceId(), executionId, origin(caller))
        .thenCompose(this::view);
  }

  public CompletionStage<ExecutionView> resume(Caller caller, String executionId) {
    return gateway.resume(caller.workspaceId(), executionId, origin(caller))
        .thenCompose(this::view);
  }

  public CompletionStage<ExecutionView> retry(Caller caller, String executionId) {
    return gateway.retry(caller.workspaceId(), executionId, origin(caller))
        .thenCompose(this::view);
  }

  /** Who is asking, as the execution records it with what a command changes (for the audit). */
  private static Origin origin(Caller caller) {
    return new Origin(caller.actor(), caller.correlationId());
  }

  private CompletionStage<ExecutionView> view(Execution execution) {
    var key = new WorkflowKey(execution.workspaceId(), execution.workflowId(),
        execution.version());
    return registry.load(key).thenApply(workflow -> ExecutionViews.of(execution, workflow));
  }

  private CompiledWorkflow admit(WorkflowRecord record) {
    if (record.archived()) {
      throw new ConflictException("workflow '" + record.workflowId()
          + "' is archived; PUT a new version to use it again");
    }
    CompiledWorkflow workflow = registry.compile(record.key(), record.definition());
    List<String> unsupported = StepSupport.unsupported(workflow.definition(), handlers);
    if (!unsupported.isEmpty()) {
      throw new UnprocessableException("step type not yet supported: "
          + String.join("; ", unsupported));
    }
    return workflow;
  }

  private static void checkInput(CompiledWorkflow workflow, JsonNode input) {
    var schema = workflow.definition().inputSchema();
    if (schema == null) {
      return;
    }
    List<FieldError> errors = schema.violations(input).stream()
        .map(v -> new FieldError("/input" + v.pointer(), v.message())).toList();
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(INVALID_INPUT,
          "The input does not match the workflow's input schema", errors);
    }
  }
}
