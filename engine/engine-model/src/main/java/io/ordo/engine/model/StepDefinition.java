package io.ordo.engine.model;

import io.ordo.engine.model.expr.ValueTemplate;
import io.ordo.engine.model.retry.RetryPolicy;
import io.ordo.engine.model.steps.StepSpec;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One step of a definition. The fields common to every type live here; the type-specific ones in
 * {@link #spec()}, whose record type always matches {@link #type()}.
 *
 * <p>The step template of a FOR_EACH is also a StepDefinition: it carries the FOR_EACH step's id
 * and never has dependencies.
 *
 * @param name display name, or null
 * @param description free text, or null
 * @param when template that must yield a boolean, or null to always run
 * @param retry the step's own policy, or null to use the workflow defaults
 * @param timeout the step's own per-attempt timeout, or null to use the workflow defaults
 */
public record StepDefinition(String id, StepType type, String name, String description,
    List<String> dependsOn, ValueTemplate when, RetryPolicy retry, Duration timeout,
    OnError onError, List<ArtifactSpec> artifacts, StepSpec spec) {

  public StepDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(onError, "onError");
    Objects.requireNonNull(spec, "spec");
    dependsOn = List.copyOf(dependsOn);
    artifacts = List.copyOf(artifacts);
  }

  /** The policy that applies: the step's own, else the defaults', else {@link RetryPolicy#NONE}. */
  public RetryPolicy effectiveRetry(StepDefaults defaults) {
    if (retry != null) {
      return retry;
    }
    return defaults.retry() != null ? defaults.retry() : RetryPolicy.NONE;
  }

  /** The per-attempt timeout that applies; null when neither the step nor the defaults set one. */
  public Duration effectiveTimeout(StepDefaults defaults) {
    return timeout != null ? timeout : defaults.timeout();
  }
}
