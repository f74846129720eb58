package io.ordo.engine.runtime.execution.events;

import io.ordo.engine.runtime.OrdoSerializable;

/** The step of another execution that started this one as a sub-workflow. */
public record ParentRef(String executionId, String stepId, Integer item)
    implements OrdoSerializable {}
