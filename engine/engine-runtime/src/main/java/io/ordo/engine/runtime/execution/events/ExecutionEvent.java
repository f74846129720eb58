package io.ordo.engine.runtime.execution.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.StepType;
import io.ordo.engine.runtime.OrdoSerializable;
import java.time.Instant;
import java.util.List;

/**
 * Everything that happens to an execution, in its journal. These are internal facts: history,
 * SSE and analytics derive from them, external consumers get a separately versioned schema.
 *
 * <p>How a stored event applies never changes: evolve by adding fields (absent in old events,
 * so nullable) or new event types, never by reinterpreting old ones. {@code item} is the index
 * of a FOR_EACH item, null for an ordinary step.
 */
public sealed interface ExecutionEvent extends OrdoSerializable {

  Instant at();

  /**
   * An event that an outside command caused (start, cancel, retry, pause, resume, signal). Its
   * {@code origin} says who sent the command under which request, for the audit log; it is null
   * in events written before origins were recorded and in those the engine caused itself.
   */
  sealed interface Commanded extends ExecutionEvent {
    Origin origin();

    /** The same event, attributed to {@code origin}; how it applies does not change. */
    Commanded withOrigin(Origin origin);
  }

  /** Who sent a command (an API key's name, or "anonymous") and the request's correlation id. */
  record Origin(String actor, String correlationId) implements OrdoSerializable {

    /** The events a command decided, each commanded one attributed to {@code origin}. */
    public static List<ExecutionEvent> attribute(List<ExecutionEvent> events, Origin origin) {
      if (origin == null) {
        return events;
      }
      return events.stream().map(e -> e instanceof Commanded c && c.origin() == null
          ? (ExecutionEvent) c.withOrigin(origin) : e).toList();
    }
  }

  /** An event about one step, or one FOR_EACH item of it. */
  sealed interface StepEvent extends ExecutionEvent {
    String stepId();

    Integer item();
  }

  /** Why a step did not run. */
  enum SkipReason {
    WHEN_FALSE, BRANCH_NOT_TAKEN, UNREACHABLE, PARENT_SKIPPED, PARENT_FAILED, OTHER_BRANCH_WON
  }

  /** A step failure as recorded; {@code errorClass} is what retry policies match on. */
  record StepError(String errorClass, String message, boolean retryable, JsonNode details)
      implements OrdoSerializable {
    public static StepError of(String errorClass, String message, boolean retryable) {
      return new StepError(errorClass, message, retryable, null);
    }
  }

  /**
   * The definition version is pinned here; {@code deadline} is null without a workflow timeout,
   * {@code parent} null unless a SUB_WORKFLOW step started this execution.
   */
  record ExecutionStarted(String executionId, String workspaceId, String workflowId, int version,
      JsonNode input, String triggeredBy, String idempotencyKey, Instant deadline, Instant at,
      ParentRef parent, Origin origin) implements Commanded {
    public ExecutionStarted(String executionId, String workspaceId, String workflowId,
        int version, JsonNode input, String triggeredBy, String idempotencyKey, Instant deadline,
        Instant at) {
      this(executionId, workspaceId, workflowId, version, input, triggeredBy, idempotencyKey,
          deadline, at, null, null);
    }

    public ExecutionStarted(String executionId, String workspaceId, String workflowId,
        int version, JsonNode input, String triggeredBy, String idempotencyKey, Instant deadline,
        Instant at, ParentRef parent) {
      this(executionId, workspaceId, workflowId, version, input, triggeredBy, idempotencyKey,
          deadline, at, parent, null);
    }

    @Override
    public ExecutionStarted withOrigin(Origin origin) {
      return new ExecutionStarted(executionId, workspaceId, workflowId, version, input,
          triggeredBy, idempotencyKey, deadline, at, parent, origin);
    }
  }

  /** Persisted before a step actor calls out, so a crash re-dispatches the same attempt. */
  record StepStarted(String stepId, Integer item, StepType type, int attempt, Instant at)
      implements StepEvent {}

  /** {@code input}: a summary of what the attempt sent, when the step reports one. */
  record StepSucceeded(String stepId, Integer item, StepType type, int attempt, JsonNode output,
      long durationMs, Instant at, JsonNode input) implements StepEvent {
    public StepSucceeded(String stepId, Integer item, StepType type, int attempt,
        JsonNode output, long durationMs, Instant at) {
      this(stepId, item, type, attempt, output, durationMs, at, null);
    }
  }

  record StepFailed(String stepId, Integer item, StepType type, int attempt, StepError error,
      long durationMs, Instant at, JsonNode input) implements StepEvent {
    public StepFailed(String stepId, Integer item, StepType type, int attempt, StepError error,
        long durationMs, Instant at) {
      this(stepId, item, type, attempt, error, durationMs, at, null);
    }
  }

  record StepRetryScheduled(String stepId, Integer item, int nextAttempt, Instant dueAt,
      Instant at) implements StepEvent {}

  record StepSkipped(String stepId, Integer item, SkipReason reason, Instant at)
      implements StepEvent {}

  record StepCancelled(String stepId, Integer item, String reason, Instant at)
      implements StepEvent {}

  /** A durable timer ({@code dueAt}) or a wait for a named signal. */
  record StepWaiting(String stepId, Integer item, Instant dueAt, String signal, Instant at)
      implements StepEvent {}

  /** The items of a FOR_EACH, captured once so every item sees the same array after recovery. */
  record ForEachStarted(String stepId, JsonNode items, Instant at) implements ExecutionEvent {}

  /**
   * A signal arrived. {@code stepId} (and {@code item}) name the waiting step it completed; both
   * null when no step waited for it, and it is kept until one does ({@link SignalDelivered}).
   */
  record SignalReceived(String name, JsonNode payload, String stepId, Integer item, Instant at,
      Origin origin) implements Commanded {
    public SignalReceived(String name, JsonNode payload, Instant at) {
      this(name, payload, null, null, at, null);
    }

    public SignalReceived(String name, JsonNode payload, String stepId, Integer item, Instant at) {
      this(name, payload, stepId, item, at, null);
    }

    @Override
    public SignalReceived withOrigin(Origin origin) {
      return new SignalReceived(name, payload, stepId, item, at, origin);
    }
  }

  /** The oldest kept signal of {@code name} completed a step that started waiting for it. */
  record SignalDelivered(String name, String stepId, Integer item, Instant at)
      implements StepEvent {}

  /**
   * A failed or timed-out execution runs again from its failed steps; completed steps keep their
   * outputs. {@code deadline} is the new one when the workflow has a timeout.
   */
  record ExecutionRetried(String by, Instant deadline, Instant at, Origin origin)
      implements Commanded {
    public ExecutionRetried(String by, Instant deadline, Instant at) {
      this(by, deadline, at, null);
    }

    @Override
    public ExecutionRetried withOrigin(Origin origin) {
      return new ExecutionRetried(by, deadline, at, origin);
    }
  }

  record ExecutionPaused(String by, Instant at, Origin origin) implements Commanded {
    public ExecutionPaused(String by, Instant at) {
      this(by, at, null);
    }

    @Override
    public ExecutionPaused withOrigin(Origin origin) {
      return new ExecutionPaused(by, at, origin);
    }
  }

  /**
   * Nothing of the execution runs any more: only its earliest durable timer ({@code until}; null
   * when it has none) or a command (a signal, a resume) can move it on. Written last among the
   * events that left it so, for the wake-up index, which then needs no liveness checks on it; it
   * changes nothing in the execution's state.
   */
  record ExecutionParked(Instant until, Instant at) implements ExecutionEvent {}

  record ExecutionResumed(String by, Instant at, Origin origin) implements Commanded {
    public ExecutionResumed(String by, Instant at) {
      this(by, at, null);
    }

    @Override
    public ExecutionResumed withOrigin(Origin origin) {
      return new ExecutionResumed(by, at, origin);
    }
  }

  record ExecutionCancelled(String by, String reason, Instant at, Origin origin)
      implements Commanded {
    public ExecutionCancelled(String by, String reason, Instant at) {
      this(by, reason, at, null);
    }

    @Override
    public ExecutionCancelled withOrigin(Origin origin) {
      return new ExecutionCancelled(by, reason, at, origin);
    }
  }

  record ExecutionTimedOut(Instant at) implements ExecutionEvent {}

  record ExecutionCompleted(JsonNode output, List<String> goalsReached, Instant at)
      implements ExecutionEvent {}

  record ExecutionFailed(String stepId, StepError error, Instant at) implements ExecutionEvent {}

  record ArtifactRecorded(String stepId, Integer item, String name, String contentType,
      JsonNode value, Instant at) implements StepEvent {}
}
