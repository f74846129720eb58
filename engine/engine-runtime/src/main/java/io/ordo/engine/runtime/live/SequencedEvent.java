package io.ordo.engine.runtime.live;

import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCancelled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCompleted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionFailed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionTimedOut;

/** One event of an execution with its journal sequence number (1 for the start). */
public record SequencedEvent(long seq, ExecutionEvent event) {

  /** Whether the event ends the execution (until a retry, for FAILED and TIMED_OUT). */
  public boolean isEnd() {
    return isEnd(event);
  }

  public static boolean isEnd(ExecutionEvent event) {
    return event instanceof ExecutionCompleted || event instanceof ExecutionFailed
        || event instanceof ExecutionCancelled || event instanceof ExecutionTimedOut;
  }
}
