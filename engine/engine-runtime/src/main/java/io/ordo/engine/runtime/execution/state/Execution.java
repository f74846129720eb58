package io.ordo.engine.runtime.execution.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import io.ordo.engine.runtime.execution.events.ParentRef;
import io.ordo.engine.runtime.lifecycle.ExecutionStatus;
import io.ordo.engine.runtime.lifecycle.StepStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A started execution. Steps appear in {@code steps} once something happened to them; a step
 * that is absent is pending. {@code signals} keeps, per name, the signals no step has taken yet,
 * oldest first; {@code retries} counts how often the execution was retried. Immutable: the event
 * applier returns a new value per event.
 */
public record Execution(
    String executionId,
    String workspaceId,
    String workflowId,
    int version,
    JsonNode input,
    String triggeredBy,
    String idempotencyKey,
    ParentRef parent,
    Instant startedAt,
    Instant deadline,
    ExecutionStatus status,
    Instant endedAt,
    JsonNode output,
    List<String> goalsReached,
    Failure failure,
    int retries,
    Map<String, List<JsonNode>> signals,
    Map<String, StepState> steps) implements ExecutionState {

  /** Why the execution ended other than by completing; {@code stepId} may be null. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Failure(String stepId, StepError error, String by) {}

  public Execution {
    steps = Collections.unmodifiableMap(steps);
    goalsReached = goalsReached == null ? List.of() : List.copyOf(goalsReached);
    signals = signals == null ? Map.of() : Collections.unmodifiableMap(signals);
  }

  public Optional<StepState> step(String stepId) {
    return Optional.ofNullable(steps.get(stepId));
  }

  public StepStatus stepStatus(String stepId) {
    StepState s = steps.get(stepId);
    return s == null ? StepStatus.PENDING : s.status();
  }

  public boolean isEnded() {
    return status.isTerminal();
  }

  public Execution withStep(StepState step) {
    var copy = new LinkedHashMap<>(steps);
    copy.put(step.stepId(), step);
    return with(status, endedAt, output, goalsReached, failure, deadline, retries, signals, copy);
  }

  /** The same steps, some removed: they are pending again. */
  public Execution withSteps(Map<String, StepState> newSteps) {
    return with(status, endedAt, output, goalsReached, failure, deadline, retries, signals,
        new LinkedHashMap<>(newSteps));
  }

  public Execution ended(ExecutionStatus newStatus, Instant at, JsonNode result,
      List<String> goals, Failure why) {
    return with(newStatus, at, result, goals, why, deadline, retries, signals, steps);
  }

  public Execution withStatus(ExecutionStatus newStatus) {
    return with(newStatus, endedAt, output, goalsReached, failure, deadline, retries, signals,
        steps);
  }

  /** Running again after a retry: no end, no failure, a new deadline. */
  public Execution retried(Instant newDeadline) {
    return with(ExecutionStatus.RUNNING, null, null, List.of(), null, newDeadline, retries + 1,
        signals, steps);
  }

  public Execution withSignalKept(String name, JsonNode payload) {
    var copy = new LinkedHashMap<>(signals);
    var queue = new ArrayList<>(copy.getOrDefault(name, List.of()));
    queue.add(payload);
    copy.put(name, List.copyOf(queue));
    return with(status, endedAt, output, goalsReached, failure, deadline, retries, copy, steps);
  }

  public Execution withSignalTaken(String name) {
    var copy = new LinkedHashMap<>(signals);
    var queue = new ArrayList<>(copy.getOrDefault(name, List.of()));
    if (!queue.isEmpty()) {
      queue.remove(0);
    }
    if (queue.isEmpty()) {
      copy.remove(name);
    } else {
      copy.put(name, List.copyOf(queue));
    }
    return with(status, endedAt, output, goalsReached, failure, deadline, retries, copy, steps);
  }

  /** The oldest signal of that name no step has taken yet. */
  public Optional<JsonNode> keptSignal(String name) {
    List<JsonNode> queue = signals.get(name);
    return queue == null || queue.isEmpty() ? Optional.empty() : Optional.of(queue.get(0));
  }

  private Execution with(ExecutionStatus newStatus, Instant newEndedAt, JsonNode newOutput,
      List<String> newGoals, Failure newFailure, Instant newDeadline, int newRetries,
      Map<String, List<JsonNode>> newSignals, Map<String, StepState> newSteps) {
    return new Execution(executionId, workspaceId, workflowId, version, input, triggeredBy,
        idempotencyKey, parent, startedAt, newDeadline, newStatus, newEndedAt, newOutput,
        newGoals, newFailure, newRetries, newSignals, newSteps);
  }
}
