package io.ordo.http.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.runtime.ConflictException;
import io.ordo.engine.runtime.NotFoundException;
import io.ordo.engine.runtime.execution.ExecutionEntity;
import io.ordo.engine.runtime.execution.ExecutionEntity.StartReply;
import io.ordo.engine.runtime.execution.ExecutionIds;
import io.ordo.engine.runtime.execution.Rejections;
import io.ordo.engine.runtime.execution.StartRequest;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.Origin;
import io.ordo.engine.runtime.execution.state.Execution;
import io.ordo.http.problems.UnprocessableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.pattern.StatusReply;

/** Reaches execution entities through cluster sharding: any node answers for any execution. */
public final class ShardedExecutionGateway implements ExecutionGateway {

  private final ClusterSharding sharding;
  private final Duration timeout;

  public ShardedExecutionGateway(ActorSystem<?> system, Duration timeout) {
    this.sharding = ClusterSharding.get(system);
    this.timeout = timeout;
  }

  @Override
  public CompletionStage<StartReply> start(StartRequest request) {
    return translate(entity(request.executionId())
        .askWithStatus(replyTo -> new ExecutionEntity.Start(request, replyTo), timeout));
  }

  @Override
  public CompletionStage<Execution> get(String workspaceId, String executionId) {
    if (!ExecutionIds.isWellFormed(executionId)) {
      return CompletableFuture.failedFuture(notFound(executionId));
    }
    return inWorkspace(workspaceId, executionId,
        translate(entity(executionId).askWithStatus(ExecutionEntity.Get::new, timeout)));
  }

  @Override
  public CompletionStage<Execution> cancel(String workspaceId, String executionId, Origin origin,
      String reason) {
    // Look first, so a caller cannot cancel another workspace's execution by guessing its id.
    return get(workspaceId, executionId).thenCompose(found -> translate(entity(executionId)
        .askWithStatus(replyTo -> new ExecutionEntity.Cancel(origin.actor(), reason, origin,
            replyTo), timeout)));
  }

  @Override
  public CompletionStage<ExecutionEntity.SignalReply> signal(String workspaceId,
      String executionId, Origin origin, String name, JsonNode payload) {
    return get(workspaceId, executionId).thenCompose(found -> translate(entity(executionId)
        .askWithStatus(replyTo -> new ExecutionEntity.Signal(name, payload, origin, replyTo),
            timeout)));
  }

  @Override
  public CompletionStage<Execution> pause(String workspaceId, String executionId, Origin origin) {
    return get(workspaceId, executionId).thenCompose(found -> translate(entity(executionId)
        .askWithStatus(replyTo -> new ExecutionEntity.Pause(origin.actor(), origin, replyTo),
            timeout)));
  }

  @Override
  public CompletionStage<Execution> resume(String workspaceId, String executionId,
      Origin origin) {
    return get(workspaceId, executionId).thenCompose(found -> translate(entity(executionId)
        .askWithStatus(replyTo -> new ExecutionEntity.Resume(origin.actor(), origin, replyTo),
            timeout)));
  }

  @Override
  public CompletionStage<Execution> retry(String workspaceId, String executionId, Origin origin) {
    return get(workspaceId, executionId).thenCompose(found -> translate(entity(executionId)
        .askWithStatus(replyTo -> new ExecutionEntity.Retry(origin.actor(), origin, replyTo),
            timeout)));
  }

  @Override
  public CompletionStage<Optional<Execution>> awaitEnd(String executionId, Duration wait) {
    return entity(executionId).askWithStatus(ExecutionEntity.AwaitEnd::new, wait)
        .handle((ended, error) -> {
          if (error == null) {
            return Optional.of(ended);
          }
          Throwable cause = error instanceof CompletionException && error.getCause() != null
              ? error.getCause() : error;
          if (cause instanceof TimeoutException) {
            return Optional.<Execution>empty();
          }
          throw error instanceof CompletionException ce ? ce : new CompletionException(error);
        });
  }

  private EntityRef<ExecutionEntity.Command> entity(String executionId) {
    return sharding.entityRefFor(ExecutionEntity.TYPE_KEY, executionId);
  }

  private static CompletionStage<Execution> inWorkspace(String workspaceId, String executionId,
      CompletionStage<Execution> found) {
    return found.thenApply(execution -> {
      if (!execution.workspaceId().equals(workspaceId)) {
        throw notFound(executionId);
      }
      return execution;
    });
  }

  private static NotFoundException notFound(String executionId) {
    return new NotFoundException("no execution " + executionId);
  }

  /** Entity rejections become the API's exceptions, whatever node they came from. */
  private static <T> CompletionStage<T> translate(CompletionStage<T> reply) {
    return reply.exceptionally(error -> {
      Throwable cause = error instanceof CompletionException && error.getCause() != null
          ? error.getCause() : error;
      if (cause instanceof StatusReply.ErrorMessage rejection) {
        String message = Rejections.messageOf(rejection.getMessage());
        switch (Rejections.kindOf(rejection.getMessage())) {
          case NOT_FOUND:
            throw new NotFoundException(message);
          case UNPROCESSABLE:
            throw new UnprocessableException(message);
          default:
            throw new ConflictException(message);
        }
      }
      throw error instanceof CompletionException ce ? ce : new CompletionException(error);
    });
  }
}
