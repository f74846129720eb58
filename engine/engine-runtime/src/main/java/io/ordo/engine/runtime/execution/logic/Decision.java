package io.ordo.engine.runtime.execution.logic;

import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import io.ordo.engine.runtime.execution.state.EventApplier;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionStarted;
import io.ordo.engine.runtime.execution.state.Execution;
import io.ordo.engine.runtime.execution.state.ExecutionState;
import java.util.ArrayList;
import java.util.List;

/**
 * The events one command decides, applied as they are emitted so later rules see earlier
 * results. All of them are persisted together, atomically.
 */
public final class Decision {

  private ExecutionState state;
  private final List<ExecutionEvent> events = new ArrayList<>();

  Decision(Execution state) {
    this.state = state;
  }

  private Decision() {
    this.state = ExecutionState.NOT_STARTED;
  }

  static Decision starting(ExecutionStarted started) {
    Decision d = new Decision();
    d.emit(started);
    return d;
  }

  /**
   * Applies and records an event. A transition the lifecycle tables forbid is a bug in the
   * decider: it fails here, before anything reaches the journal.
   */
  void emit(ExecutionEvent event) {
    ExecutionState before = state;
    state = EventApplier.apply(state, event);
    Transitions.check(before, state, event);
    events.add(event);
  }

  /** The state after every event so far; only called once the start is applied. */
  public Execution state() {
    return (Execution) state;
  }

  public List<ExecutionEvent> events() {
    return List.copyOf(events);
  }

  public boolean isEmpty() {
    return events.isEmpty();
  }

  int size() {
    return events.size();
  }
}
