package io.ordo.engine.runtime.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.engine.model.StepType;
import io.ordo.engine.model.expr.ExpressionException;
import io.ordo.engine.model.steps.SubWorkflowSpec;
import io.ordo.engine.runtime.definitions.DefinitionRegistry;
import io.ordo.engine.runtime.definitions.DefinitionStore;
import io.ordo.engine.runtime.definitions.WorkflowRecord;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import io.ordo.engine.runtime.execution.events.ParentRef;
import io.ordo.engine.runtime.execution.state.Execution;
import io.ordo.engine.runtime.steps.ErrorClasses;
import io.ordo.engine.runtime.steps.StepCall;
import io.ordo.engine.runtime.steps.StepHandler;
import io.ordo.engine.runtime.steps.StepInvocation;
import io.ordo.engine.runtime.steps.StepOutcome;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.pattern.StatusReply;

/**
 * SUB_WORKFLOW: starts a child execution (in the parent's workspace, of the latest or the given
 * version) and waits for it to end; the child's output is the step's output, and a child that
 * does not complete fails the step. The child's id is derived from the parent's attempt, so a
 * re-dispatched attempt finds its child instead of starting another. Aborting the attempt (the
 * parent step timed out or was cancelled) cancels the child.
 */
public final class SubWorkflowHandler implements StepHandler.Async {

  private static final Duration FIRST_POLL = Duration.ofMillis(50);

  private final ActorSystem<?> system;
  private final DefinitionStore store;
  private final DefinitionRegistry registry;
  private final Duration askTimeout;
  private final Duration maxPollInterval;

  public SubWorkflowHandler(ActorSystem<?> system, DefinitionStore store,
      DefinitionRegistry registry, Duration askTimeout, Duration maxPollInterval) {
    this.system = system;
    this.store = store;
    this.registry = registry;
    this.askTimeout = askTimeout;
    this.maxPollInterval = maxPollInterval;
  }

  @Override
  public StepType type() {
    return StepType.SUB_WORKFLOW;
  }

  @Override
  public StepCall start(StepInvocation invocation) {
    var spec = (SubWorkflowSpec) invocation.step().spec();
    JsonNode execution = invocation.context().path("execution");
    String workspaceId = execution.path("workspaceId").asText();
    String childId = SubWorkflows.childId(invocation.executionId(), invocation.stepId(),
        invocation.item(), invocation.attempt(), execution.path("retries").asInt());
    JsonNode input;
    try {
      input = spec.input() == null ? JsonNodeFactory.instance.objectNode()
          : spec.input().evaluate(invocation.context());
    } catch (ExpressionException e) {
      return StepCall.of(CompletableFuture.completedFuture(
          StepOutcome.Failed.of(ErrorClasses.EXPRESSION_FAILED, "`input`: " + e.getMessage(),
              false)));
    }
    var aborted = new AtomicBoolean();
    var parent = new ParentRef(invocation.executionId(), invocation.stepId(), invocation.item());
    ObjectNode summary = JsonNodeFactory.instance.objectNode().put("workflow", spec.workflow())
        .put("childExecutionId", childId);
    if (spec.version() != null) {
      summary.put("version", spec.version());
    }
    CompletionStage<StepOutcome> outcome = store.get(workspaceId, spec.workflow(), spec.version())
        .thenCompose(found -> found.isEmpty() || found.get().archived()
            ? CompletableFuture.completedFuture(notFound(spec))
            : startChild(found.get(), childId, input, parent)
                .thenCompose(started -> started != null ? CompletableFuture.completedFuture(started)
                    : awaitEnd(childId, FIRST_POLL, aborted)))
        .thenApply(result -> result.withInput(summary));
    return new StepCall(outcome, () -> {
      if (aborted.compareAndSet(false, true)) {
        child(childId).<StatusReply<Execution>>ask(replyTo -> new ExecutionEntity.Cancel(
            "execution:" + invocation.executionId(), "its parent step was stopped", replyTo),
            askTimeout);
      }
    });
  }

  /** Starts (or finds) the child; answers an outcome only if it cannot be started. */
  private CompletionStage<StepOutcome> startChild(WorkflowRecord record, String childId,
      JsonNode input, ParentRef parent) {
    var workflow = registry.compile(record.key(), record.definition());
    var schema = workflow.definition().inputSchema();
    if (schema != null && !schema.validate(input).isEmpty()) {
      return CompletableFuture.completedFuture(StepOutcome.Failed.of("INVALID_INPUT",
          "the child's input does not match workflow '" + record.workflowId() + "': "
              + String.join("; ", schema.validate(input)), false));
    }
    var request = new StartRequest(childId, record.key(), record.definition(), input,
        "execution:" + parent.executionId(), null, parent);
    return child(childId).<ExecutionEntity.StartReply>askWithStatus(
            replyTo -> new ExecutionEntity.Start(request, replyTo), askTimeout)
        .handle((reply, error) -> error == null ? null : cannotStart(childId, error));
  }

  /** Asks the child how it stands, sooner at first (most children are quick), then less often. */
  private CompletionStage<StepOutcome> awaitEnd(String childId, Duration wait,
      AtomicBoolean aborted) {
    if (aborted.get()) {
      return new CompletableFuture<>();
    }
    return child(childId).askWithStatus(ExecutionEntity.Get::new, askTimeout)
        .handle((execution, error) -> error == null && execution.isEnded()
            ? CompletableFuture.completedFuture(outcomeOf(execution))
            : later(wait, () -> awaitEnd(childId, next(wait), aborted)))
        .thenCompose(stage -> stage);
  }

  private CompletionStage<StepOutcome> later(Duration wait,
      java.util.concurrent.Callable<CompletionStage<StepOutcome>> then) {
    var classic = Adapter.toClassic(system);
    return Patterns.after(wait, classic.scheduler(), system.executionContext(), then);
  }

  private Duration next(Duration wait) {
    Duration doubled = wait.multipliedBy(2);
    return doubled.compareTo(maxPollInterval) > 0 ? maxPollInterval : doubled;
  }

  private static StepOutcome outcomeOf(Execution child) {
    switch (child.status()) {
      case COMPLETED:
        return new StepOutcome.Succeeded(child.output() == null
            ? JsonNodeFactory.instance.nullNode() : child.output());
      default:
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("executionId", child.executionId());
        details.put("status", child.status().name());
        var why = child.failure() == null ? null : child.failure().error();
        if (why != null) {
          details.put("class", why.errorClass());
          details.put("message", why.message());
        }
        return new StepOutcome.Failed(new StepError(ErrorClasses.SUB_WORKFLOW_FAILED,
            "child execution " + child.executionId() + " ended " + child.status()
                + (why == null ? "" : ": " + why.message()), false, details), null);
    }
  }

  private static StepOutcome notFound(SubWorkflowSpec spec) {
    return StepOutcome.Failed.of(ErrorClasses.SUB_WORKFLOW_NOT_FOUND, "no workflow '"
        + spec.workflow() + "'" + (spec.version() == null ? "" : " version " + spec.version())
        + " to run (or it is archived)", false);
  }

  private static StepOutcome cannotStart(String childId, Throwable error) {
    Throwable cause = error.getCause() != null ? error.getCause() : error;
    if (cause instanceof StatusReply.ErrorMessage rejection) {
      return StepOutcome.Failed.of(ErrorClasses.SUB_WORKFLOW_FAILED, "child execution " + childId
          + " cannot start: " + Rejections.messageOf(rejection.getMessage()), false);
    }
    // Unreachable for now (the cluster is rebalancing): worth another attempt.
    return StepOutcome.Failed.of(ErrorClasses.SUB_WORKFLOW_FAILED, "child execution " + childId
        + " did not answer: " + cause, true);
  }

  private EntityRef<ExecutionEntity.Command> child(String childId) {
    return ClusterSharding.get(system).entityRefFor(ExecutionEntity.TYPE_KEY, childId);
  }
}
