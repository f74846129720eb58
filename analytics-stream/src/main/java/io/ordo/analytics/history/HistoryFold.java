package io.ordo.analytics.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ArtifactRecorded;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCancelled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCompleted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionFailed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionPaused;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionResumed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionRetried;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionTimedOut;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ForEachStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepCancelled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepEvent;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepFailed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepRetryScheduled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepSkipped;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepSucceeded;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepWaiting;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Folds execution events into history rows, in journal order. Pure: a row's next value depends
 * only on its previous value and the event (times come from the events), so any grouping of
 * the same events, a replay from offset 0 included, ends with the same rows. An event at or
 * below the execution's {@code lastSeq} was folded already (a redelivery) and is skipped, so
 * counters never count twice. Events of an execution whose start is unknown are ignored (they
 * cannot occur: the start is its first event, and one projection instance sees all of them).
 */
final class HistoryFold {

  /** Triggers and keys are bounded by the API; this only guards the indexed column. */
  private static final int MAX_TRIGGER_CHARS = 255;

  private final int summaryMax;
  private final Map<String, ExecutionRow> executions;
  private final Map<StepRow.Key, StepRow> steps;
  private final Map<ArtifactRow.Key, ArtifactRow> artifacts = new LinkedHashMap<>();
  private final Set<String> changedExecutions = new LinkedHashSet<>();
  private final Set<StepRow.Key> changedSteps = new LinkedHashSet<>();

  /** Starts from the rows the group's events touch, as stored before the group. */
  HistoryFold(int summaryMax, Map<String, ExecutionRow> executions,
      Map<StepRow.Key, StepRow> steps) {
    this.summaryMax = summaryMax;
    this.executions = new LinkedHashMap<>(executions);
    this.steps = new LinkedHashMap<>(steps);
  }

  void apply(String executionId, long seq, ExecutionEvent event) {
    ExecutionRow ex = executions.get(executionId);
    if (ex != null && seq <= ex.lastSeq) {
      return;
    }
    if (event instanceof ExecutionStarted e) {
      ex = started(executionId, e);
      executions.put(executionId, ex);
    } else if (ex == null) {
      return;
    }
    ex.lastSeq = seq;
    ex.updatedAt = max(ex.updatedAt, event.at());
    changedExecutions.add(executionId);
    if (event instanceof ForEachStarted e) {
      forEachStarted(ex, e, seq);
    } else if (event instanceof ArtifactRecorded e) {
      var row = artifact(executionId, e, seq);
      artifacts.put(row.key(), row);
    } else if (event instanceof StepEvent e) {
      applyToStep(ex, step(ex, e.stepId(), StepRow.item(e.item()), seq), e);
    } else {
      applyToExecution(ex, event);
    }
  }

  private ExecutionRow started(String executionId, ExecutionStarted e) {
    var row = new ExecutionRow(executionId);
    row.workspaceId = e.workspaceId();
    row.workflowId = e.workflowId();
    row.version = e.version();
    row.status = "RUNNING";
    row.triggeredBy = Summaries.cut(e.triggeredBy(), MAX_TRIGGER_CHARS);
    row.idempotencyKey = e.idempotencyKey();
    row.parentExecutionId = e.parent() == null ? null : e.parent().executionId();
    row.startedAt = e.at();
    row.inputSummary = Summaries.of(e.input(), summaryMax);
    return row;
  }

  private void applyToExecution(ExecutionRow ex, ExecutionEvent event) {
    if (event instanceof ExecutionCompleted e) {
      ex.end("COMPLETED", e.at());
      ex.outputSummary = Summaries.of(e.output(), summaryMax);
    } else if (event instanceof ExecutionFailed e) {
      ex.end("FAILED", e.at());
      ex.error(e.error() == null ? null : e.error().errorClass(),
          e.error() == null ? null : message(e.error().message()), e.stepId());
    } else if (event instanceof ExecutionCancelled e) {
      ex.end("CANCELLED", e.at());
      ex.error("CANCELLED", e.reason() == null || e.reason().isBlank() ? "cancelled"
          : message(e.reason()), null);
    } else if (event instanceof ExecutionTimedOut e) {
      ex.end("TIMED_OUT", e.at());
      ex.error("TIMED_OUT", "the execution ran past its deadline", null);
    } else if (event instanceof ExecutionPaused) {
      ex.status = "PAUSED";
    } else if (event instanceof ExecutionResumed) {
      ex.status = "RUNNING";
    } else if (event instanceof ExecutionRetried) {
      retried(ex);
    }
  }

  /**
   * As the entity does: failed and cancelled steps (and those a failed parent skipped) are
   * pending again with fresh attempts; a FOR_EACH keeps running with its finished items.
   * Completed steps keep their rows; errors stay as the latest failed attempt's.
   */
  private void retried(ExecutionRow ex) {
    ex.status = "RUNNING";
    ex.endedAt = null;
    ex.durationMs = null;
    ex.outputSummary = null;
    ex.error(null, null, null);
    for (StepRow step : steps.values()) {
      if (!step.key.executionId().equals(ex.executionId) || !runsAgain(step)) {
        continue;
      }
      if (hasItems(step)) {
        step.reopen("RUNNING");
      } else {
        step.reopen("PENDING");
        step.startedAt = null;
        step.attempts = 0;
        step.outputSummary = null;
      }
      step.skipReason = null;
      changedSteps.add(step.key);
    }
  }

  /** A FOR_EACH that got its items: the entity resumes it rather than starting it afresh. */
  private boolean hasItems(StepRow step) {
    return step.key.item() == StepRow.NO_ITEM && "FOR_EACH".equals(step.type)
        && steps.containsKey(new StepRow.Key(step.key.executionId(), step.key.stepId(), 0));
  }

  private static boolean runsAgain(StepRow step) {
    return step.status.equals("FAILED") || step.status.equals("CANCELLED")
        || (step.status.equals("SKIPPED") && "PARENT_FAILED".equals(step.skipReason));
  }

  /** The FOR_EACH's own row, and one pending row per item with the item as its input. */
  private void forEachStarted(ExecutionRow ex, ForEachStarted e, long seq) {
    StepRow step = step(ex, e.stepId(), StepRow.NO_ITEM, seq);
    step.type = "FOR_EACH";
    step.status = "RUNNING";
    step.attempts = Math.max(step.attempts, 1);
    step.startOnce(e.at());
    step.inputSummary = Summaries.of(e.items(), summaryMax);
    if (e.items() == null) {
      return;
    }
    for (int i = 0; i < e.items().size(); i++) {
      StepRow item = step(ex, e.stepId(), i, seq);
      item.inputSummary = Summaries.of(e.items().get(i), summaryMax);
    }
  }

  private void applyToStep(ExecutionRow ex, StepRow step, StepEvent event) {
    if (event instanceof StepStarted e) {
      step.type = e.type().name();
      step.attempts = e.attempt();
      step.startOnce(e.at());
      step.reopen("RUNNING");
    } else if (event instanceof StepSucceeded e) {
      step.type = e.type().name();
      step.attempts = e.attempt();
      // In-process steps have no StepStarted: they began durationMs before they ended.
      step.startOnce(e.at().minusMillis(e.durationMs()));
      step.end("COMPLETED", e.at());
      step.outputSummary = Summaries.of(e.output(), summaryMax);
      if (e.input() != null) {
        step.inputSummary = Summaries.of(e.input(), summaryMax);
      }
    } else if (event instanceof StepFailed e) {
      step.type = e.type().name();
      step.attempts = e.attempt();
      step.startOnce(e.at().minusMillis(e.durationMs()));
      step.end("FAILED", e.at());
      step.failedAttempt(e.error(), e.attempt(), e.at());
      step.outputSummary = null;
      if (e.input() != null) {
        step.inputSummary = Summaries.of(e.input(), summaryMax);
      }
    } else if (event instanceof StepRetryScheduled e) {
      // A call an open breaker refused waits with its attempt number unchanged: not a retry.
      if (e.nextAttempt() > step.attempts) {
        step.retryCount++;
        ex.retries++;
      }
      step.reopen("RETRYING");
      step.dueAt = e.dueAt();
    } else if (event instanceof StepSkipped e) {
      step.end("SKIPPED", e.at());
      step.skipReason = e.reason() == null ? null : e.reason().name();
    } else if (event instanceof StepCancelled e) {
      step.end("CANCELLED", e.at());
    } else if (event instanceof StepWaiting e) {
      step.attempts = Math.max(step.attempts, 1);
      step.startOnce(e.at());
      step.reopen("RUNNING");
      step.dueAt = e.dueAt();
    }
  }

  private ArtifactRow artifact(String executionId, ArtifactRecorded e, long seq) {
    String content = Summaries.json(e.value());
    if (content == null) {
      content = "null";
    }
    return new ArtifactRow(executionId, e.stepId(), StepRow.item(e.item()), e.name(),
        e.contentType(), valueType(e.value()), content.getBytes(StandardCharsets.UTF_8).length,
        content, e.at(), seq);
  }

  static String valueType(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "null";
    }
    return value.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private StepRow step(ExecutionRow ex, String stepId, int item, long seq) {
    var key = new StepRow.Key(ex.executionId, stepId, item);
    changedSteps.add(key);
    return steps.computeIfAbsent(key, k -> {
      if (k.item() == StepRow.NO_ITEM) {
        ex.stepCount++;
      }
      return new StepRow(k, seq);
    });
  }

  private static String message(String text) {
    return Summaries.cut(text, Summaries.MAX_ERROR_CHARS);
  }

  private static Instant max(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  Iterable<ExecutionRow> changedExecutions() {
    return changedExecutions.stream().map(executions::get)::iterator;
  }

  Iterable<StepRow> changedSteps() {
    return changedSteps.stream().map(steps::get)::iterator;
  }

  Iterable<ArtifactRow> artifacts() {
    return artifacts.values();
  }
}
