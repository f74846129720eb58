package io.ordo.analytics.history;

import io.ordo.analytics.history.LogLine.Level;
import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ArtifactRecorded;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCancelled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCompleted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionFailed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionParked;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionPaused;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionResumed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionRetried;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionTimedOut;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ForEachStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.SignalDelivered;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.SignalReceived;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepCancelled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepEvent;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepFailed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepRetryScheduled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepSkipped;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepSucceeded;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepWaiting;

/**
 * Turns execution events into log lines. Pure, and written for people: payloads are not
 * repeated (the timeline has their summaries), times are the events' own.
 */
public final class EventLog {

  private EventLog() {}

  public static LogLine line(long seq, ExecutionEvent event) {
    String stepId = event instanceof StepEvent e ? e.stepId()
        : event instanceof ForEachStarted e ? e.stepId() : null;
    Integer item = event instanceof StepEvent e ? e.item() : null;
    if (event instanceof SignalReceived e && e.stepId() != null) {
      stepId = e.stepId();
      item = e.item();
    }
    return new LogLine(seq, event.at(), level(event), stepId, item, message(event));
  }

  static Level level(ExecutionEvent event) {
    if (event instanceof StepFailed || event instanceof ExecutionFailed
        || event instanceof ExecutionTimedOut) {
      return Level.ERROR;
    }
    if (event instanceof StepRetryScheduled || event instanceof StepCancelled
        || event instanceof ExecutionCancelled || event instanceof ExecutionPaused
        || event instanceof ExecutionRetried) {
      return Level.WARN;
    }
    return Level.INFO;
  }

  static String message(ExecutionEvent event) {
    if (event instanceof ExecutionStarted e) {
      return "Execution started: workflow " + e.workflowId() + " v" + e.version()
          + ", triggered by " + e.triggeredBy()
          + (e.parent() == null ? "" : ", as a sub-workflow of " + e.parent().executionId());
    } else if (event instanceof StepStarted e) {
      return step(e) + " attempt " + e.attempt() + " started (" + e.type() + ")";
    } else if (event instanceof StepSucceeded e) {
      return step(e) + " completed in " + e.durationMs() + " ms (attempt " + e.attempt() + ")";
    } else if (event instanceof StepFailed e) {
      return step(e) + " attempt " + e.attempt() + " failed after " + e.durationMs() + " ms: "
          + error(e.error());
    } else if (event instanceof StepRetryScheduled e) {
      return step(e) + " will retry: attempt " + e.nextAttempt() + " at " + e.dueAt();
    } else if (event instanceof StepSkipped e) {
      return step(e) + " skipped (" + e.reason() + ")";
    } else if (event instanceof StepCancelled e) {
      return step(e) + " cancelled" + (e.reason() == null ? "" : ": " + e.reason());
    } else if (event instanceof StepWaiting e) {
      return step(e) + (e.signal() != null ? " waiting for signal '" + e.signal() + "'"
          + (e.dueAt() == null ? "" : " until " + e.dueAt()) : " waiting until " + e.dueAt());
    } else if (event instanceof ForEachStarted e) {
      return "Step '" + e.stepId() + "' fans out over " + e.items().size() + " item(s)";
    } else if (event instanceof ArtifactRecorded e) {
      return step(e) + " recorded artifact '" + e.name() + "' (" + e.contentType() + ")";
    } else if (event instanceof SignalReceived e) {
      return "Signal '" + e.name() + "' received"
          + (e.stepId() == null ? ", kept for a step that waits for it" : "");
    } else if (event instanceof SignalDelivered e) {
      return step(e) + " took the kept signal '" + e.name() + "'";
    }
    return executionMessage(event);
  }

  private static String executionMessage(ExecutionEvent event) {
    if (event instanceof ExecutionCompleted e) {
      return "Execution completed" + (e.goalsReached() == null || e.goalsReached().isEmpty()
          ? "" : ", goals reached: " + String.join(", ", e.goalsReached()));
    } else if (event instanceof ExecutionFailed e) {
      return "Execution failed" + (e.stepId() == null ? "" : " at step '" + e.stepId() + "'")
          + ": " + error(e.error());
    } else if (event instanceof ExecutionCancelled e) {
      return "Execution cancelled by " + e.by()
          + (e.reason() == null || e.reason().isBlank() ? "" : ": " + e.reason());
    } else if (event instanceof ExecutionTimedOut) {
      return "Execution timed out";
    } else if (event instanceof ExecutionPaused e) {
      return "Execution paused by " + e.by();
    } else if (event instanceof ExecutionResumed e) {
      return "Execution resumed by " + e.by();
    } else if (event instanceof ExecutionRetried e) {
      return "Execution retried by " + e.by() + ": failed steps run again";
    } else if (event instanceof ExecutionParked e) {
      return "Execution parked: nothing runs"
          + (e.until() == null ? " until a signal or a resume" : " until " + e.until());
    }
    return event.getClass().getSimpleName();
  }

  private static String step(StepEvent e) {
    return "Step '" + e.stepId() + "'" + (e.item() == null ? "" : " item " + e.item());
  }

  private static String error(StepError error) {
    return error == null ? "no error recorded"
        : error.errorClass() + ": " + Summaries.cut(error.message(), Summaries.MAX_ERROR_CHARS);
  }
}
