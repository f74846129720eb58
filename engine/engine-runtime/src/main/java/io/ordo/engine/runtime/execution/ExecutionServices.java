package io.ordo.engine.runtime.execution;

import io.ordo.engine.runtime.EngineSettings;
import io.ordo.engine.runtime.definitions.DefinitionRegistry;
import io.ordo.engine.runtime.steps.StepHandlers;
import java.time.Clock;

/** What an execution entity needs from its node. */
public record ExecutionServices(EngineSettings settings, DefinitionRegistry definitions,
    StepHandlers handlers, Clock clock) {}
