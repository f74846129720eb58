package io.ordo.analytics.history;

import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plays the history handler without a database: keeps the rows a group wrote and hands them to
 * the next group's fold, as the tables would. Events are numbered per execution like journal
 * sequence numbers, so a test can deliver any of them again.
 */
final class FoldDriver {

  /** One event of one execution with its sequence number. */
  record Delivery(String executionId, long seq, ExecutionEvent event) {}

  static final int SUMMARY_MAX = 64;

  private final Map<String, ExecutionRow> executions = new TreeMap<>();
  private final Map<StepRow.Key, StepRow> steps = new java.util.LinkedHashMap<>();
  private final Map<ArtifactRow.Key, ArtifactRow> artifacts = new java.util.LinkedHashMap<>();

  /** Numbers {@code events} 1..n as one execution's journal. */
  static List<Delivery> journal(String executionId, ExecutionEvent... events) {
    var deliveries = new ArrayList<Delivery>();
    for (int i = 0; i < events.length; i++) {
      deliveries.add(new Delivery(executionId, i + 1, events[i]));
    }
    return deliveries;
  }

  /** Folds the deliveries as one group (one transaction of the handler). */
  FoldDriver group(List<Delivery> deliveries) {
    var fold = new HistoryFold(SUMMARY_MAX, executions, steps);
    deliveries.forEach(d -> fold.apply(d.executionId(), d.seq(), d.event()));
    fold.changedExecutions().forEach(r -> executions.put(r.executionId, r));
    fold.changedSteps().forEach(r -> steps.put(r.key, r));
    fold.artifacts().forEach(r -> artifacts.put(r.key(), r));
    return this;
  }

  /** Folds every delivery in its own group. */
  FoldDriver oneByOne(List<Delivery> deliveries) {
    deliveries.forEach(d -> group(List.of(d)));
    return this;
  }

  ExecutionRow execution(String id) {
    return executions.get(id);
  }

  StepRow step(String executionId, String stepId) {
    return steps.get(new StepRow.Key(executionId, stepId, StepRow.NO_ITEM));
  }

  StepRow item(String executionId, String stepId, int item) {
    return steps.get(new StepRow.Key(executionId, stepId, item));
  }

  List<StepRow> steps(String executionId) {
    return steps.values().stream().filter(s -> s.key.executionId().equals(executionId))
        .toList();
  }

  List<ArtifactRow> artifacts() {
    return List.copyOf(artifacts.values());
  }

  /** Every column of every row, for comparing two folds of the same events. */
  String tables() {
    var out = new StringBuilder();
    executions.values().forEach(e -> out.append(List.of(e.executionId, e.workspaceId,
        e.workflowId, e.version, e.status, String.valueOf(e.triggeredBy),
        String.valueOf(e.idempotencyKey), String.valueOf(e.parentExecutionId), e.startedAt,
        String.valueOf(e.endedAt), String.valueOf(e.durationMs), String.valueOf(e.errorClass),
        String.valueOf(e.errorMessage), String.valueOf(e.errorStepId),
        String.valueOf(e.inputSummary), String.valueOf(e.outputSummary), e.retries, e.stepCount,
        e.updatedAt, e.lastSeq)).append('\n'));
    new TreeMap<String, StepRow>(steps.values().stream().collect(java.util.stream.Collectors
        .toMap(s -> s.key.toString(), s -> s))).values().forEach(s -> out.append(List.of(
            s.key, s.firstSeq, String.valueOf(s.type), s.status, s.attempts, s.retryCount,
            String.valueOf(s.startedAt), String.valueOf(s.endedAt), String.valueOf(s.durationMs),
            String.valueOf(s.errorClass), String.valueOf(s.errorMessage),
            String.valueOf(s.errorRetryable), String.valueOf(s.errorAttempt),
            String.valueOf(s.errorAt), String.valueOf(s.inputSummary),
            String.valueOf(s.outputSummary), String.valueOf(s.skipReason),
            String.valueOf(s.dueAt))).append('\n'));
    artifacts.values().forEach(a -> out.append(a).append('\n'));
    return out.toString();
  }
}
