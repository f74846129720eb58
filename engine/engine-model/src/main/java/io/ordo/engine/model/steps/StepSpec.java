package io.ordo.engine.model.steps;

/**
 * The type-specific part of a step. There is one record per {@link io.ordo.engine.model.StepType};
 * the step handlers of the runtime dispatch on the record type.
 */
public sealed interface StepSpec permits HttpRequestSpec, WebhookCallSpec, DataTransformSpec,
    ConditionalSpec, ParallelSpec, ForEachSpec, WaitSpec, ValidationSpec, SubWorkflowSpec {
}
