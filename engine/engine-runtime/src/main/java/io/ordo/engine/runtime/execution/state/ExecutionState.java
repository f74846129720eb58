package io.ordo.engine.runtime.execution.state;

import io.ordo.engine.runtime.OrdoSerializable;

/** The state of an execution entity: nothing yet, or a started execution. */
public sealed interface ExecutionState extends OrdoSerializable
    permits ExecutionState.NotStarted, Execution {

  record NotStarted() implements ExecutionState {}

  NotStarted NOT_STARTED = new NotStarted();
}
