package io.ordo.engine.runtime.execution.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.runtime.OrdoSerializable;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.SkipReason;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import io.ordo.engine.runtime.lifecycle.StepStatus;
import java.time.Instant;
import java.util.Map;

/**
 * One step, or one FOR_EACH item, as far as the journal knows. {@code startedAt} is the first
 * attempt's start, {@code attemptStartedAt} the current one's. {@code dueAt} is the durable timer
 * it waits for (a WAIT, or the next attempt while RETRYING); {@code items} and
 * {@code itemStates} are only set on a FOR_EACH step.
 */
public record StepState(
    String stepId,
    Integer item,
    StepStatus status,
    int attempts,
    Instant startedAt,
    Instant attemptStartedAt,
    Instant endedAt,
    JsonNode output,
    StepError error,
    SkipReason skipReason,
    Instant dueAt,
    String signal,
    JsonNode items,
    Map<Integer, StepState> itemStates) implements OrdoSerializable {

  public StepState {
    itemStates = itemStates == null ? ItemStates.EMPTY : ItemStates.copyOf(itemStates);
  }

  public static StepState fresh(String stepId, Integer item) {
    return new StepState(stepId, item, StepStatus.PENDING, 0, null, null, null, null, null, null,
        null, null, null, null);
  }

  public StepState started(int attempt, Instant at) {
    return copy(StepStatus.RUNNING, attempt, first(at), at, null, null, null, null, null, null);
  }

  public StepState waiting(Instant due, String signalName, Instant at) {
    return copy(StepStatus.RUNNING, Math.max(attempts, 1), first(at), at, null, null, null, null,
        due, signalName);
  }

  public StepState succeeded(int attempt, JsonNode value, Instant at) {
    return copy(StepStatus.COMPLETED, attempt, first(at), attemptOrNow(at), at, value, null, null,
        null, null);
  }

  public StepState failed(int attempt, StepError failure, Instant at) {
    return copy(StepStatus.FAILED, attempt, first(at), attemptOrNow(at), at, null, failure, null,
        null, null);
  }

  /** Keeps the failed attempt's error in view while the next attempt waits. */
  public StepState retrying(int nextAttempt, Instant due) {
    return copy(StepStatus.RETRYING, nextAttempt - 1, startedAt, attemptStartedAt, null, null,
        error, null, due, null);
  }

  public StepState skipped(SkipReason reason, Instant at) {
    return copy(StepStatus.SKIPPED, attempts, startedAt, attemptStartedAt, at, null, null, reason,
        null, null);
  }

  public StepState cancelled(Instant at) {
    return copy(StepStatus.CANCELLED, attempts, startedAt, attemptStartedAt, at, null, error, null,
        null, null);
  }

  public StepState forEachStarted(JsonNode forEachItems, Instant at) {
    return new StepState(stepId, item, StepStatus.RUNNING, 1, at, at, null, null, null, null,
        null, null, forEachItems, ItemStates.EMPTY);
  }

  public StepState withItem(StepState itemState) {
    return new StepState(stepId, item, status, attempts, startedAt, attemptStartedAt, endedAt,
        output, error, skipReason, dueAt, signal, items,
        ((ItemStates) itemStates).with(itemState));
  }

  public int itemCount() {
    return items == null ? 0 : items.size();
  }

  /**
   * A result that lets dependents run: completed, failed (callers first rule out a failure with
   * {@code onError: FAIL}, which ends the run instead), or skipped by its own {@code when}.
   */
  public boolean passesThrough() {
    return status == StepStatus.COMPLETED
        || status == StepStatus.FAILED
        || (status == StepStatus.SKIPPED && skipReason == SkipReason.WHEN_FALSE);
  }

  /**
   * Waiting on a durable timer: a WAIT's due time, the next attempt while RETRYING, or the
   * timeout of a wait for a signal.
   */
  public boolean onTimer() {
    return dueAt != null && (status == StepStatus.RETRYING || status == StepStatus.RUNNING);
  }

  /** Waiting for the named signal. */
  public boolean awaitsSignal(String name) {
    return status == StepStatus.RUNNING && name.equals(signal);
  }

  private Instant first(Instant at) {
    return startedAt == null ? at : startedAt;
  }

  private Instant attemptOrNow(Instant at) {
    return attemptStartedAt == null ? at : attemptStartedAt;
  }

  private StepState copy(StepStatus newStatus, int newAttempts, Instant newStartedAt,
      Instant newAttemptStartedAt, Instant newEndedAt, JsonNode newOutput, StepError newError,
      SkipReason newSkipReason, Instant newDueAt, String newSignal) {
    return new StepState(stepId, item, newStatus, newAttempts, newStartedAt, newAttemptStartedAt,
        newEndedAt, newOutput, newError, newSkipReason, newDueAt, newSignal, items, itemStates);
  }
}
