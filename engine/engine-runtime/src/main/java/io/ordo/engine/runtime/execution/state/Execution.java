package io.ordo.engine.runtime.execution.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import io.ordo.engine.runtime.lifecycle.ExecutionStatus;
import io.ordo.engine.runtime.lifecycle.StepStatus;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A started execution. Steps appear in {@code steps} once something happened to them; a step
 * that is absent is pending. Immutable: the event applier returns a new value per event.
 */
public record Execution(
    String executionId,
    String workspaceId,
    String workflowId,
    int version,
    JsonNode input,
    String triggeredBy,
    String idempotencyKey,
    Instant startedAt,
    Instant deadline,
    ExecutionStatus status,
    Instant endedAt,
    JsonNode output,
    List<String> goalsReached,
    Failure failure,
    Map<String, StepState> steps) implements ExecutionState {

  /** Why the execution ended other than by completing; {@code stepId} may be null. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Failure(String stepId, StepError error, String by) {}

  public Execution {
    steps = Collections.unmodifiableMap(steps);
    goalsReached = goalsReached == null ? List.of() : List.copyOf(goalsReached);
  }

  public Optional<StepState> step(String stepId) {
    return Optional.ofNullable(steps.get(stepId));
  }

  public StepStatus stepStatus(String stepId) {
    StepState s = steps.get(stepId);
    return s == null ? StepStatus.PENDING : s.status();
  }

  public Execution withStep(StepState step) {
    var copy = new LinkedHashMap<>(steps);
    copy.put(step.stepId(), step);
    return new Execution(executionId, workspaceId, workflowId, version, input, triggeredBy,
        idempotencyKey, startedAt, deadline, status, endedAt, output, goalsReached, failure, copy);
  }

  public Execution ended(ExecutionStatus newStatus, Instant at, JsonNode result,
      List<String> goals, Failure why) {
    return new Execution(executionId, workspaceId, workflowId, version, input, triggeredBy,
        idempotencyKey, startedAt, deadline, newStatus, at, result, goals, why, steps);
  }

  public Execution withStatus(ExecutionStatus newStatus) {
    return new Execution(executionId, workspaceId, workflowId, version, input, triggeredBy,
        idempotencyKey, startedAt, deadline, newStatus, endedAt, output, goalsReached, failure,
        steps);
  }

  public boolean isEnded() {
    return status.isTerminal();
  }
}
