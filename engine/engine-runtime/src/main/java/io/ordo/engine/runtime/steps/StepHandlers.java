package io.ordo.engine.runtime.steps;

import io.ordo.engine.model.StepType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The registry of work-step handlers, by type. Immutable once built. */
public final class StepHandlers {

  private final Map<StepType, StepHandler> handlers;

  private StepHandlers(Map<StepType, StepHandler> handlers) {
    this.handlers = Collections.unmodifiableMap(handlers);
  }

  /** The handlers that need nothing but the definition: DATA_TRANSFORM and VALIDATION. */
  public static StepHandlers standard() {
    return builder().register(new DataTransformHandler()).register(new ValidationHandler()).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<StepHandler> get(StepType type) {
    return Optional.ofNullable(handlers.get(type));
  }

  public boolean has(StepType type) {
    return handlers.containsKey(type);
  }

  public static final class Builder {
    private final Map<StepType, StepHandler> handlers = new EnumMap<>(StepType.class);

    public Builder register(StepHandler handler) {
      if (handlers.putIfAbsent(handler.type(), handler) != null) {
        throw new IllegalArgumentException("a handler for " + handler.type() + " is registered");
      }
      return this;
    }

    public Builder registerAll(StepHandlers other) {
      other.handlers.values().forEach(this::register);
      return this;
    }

    public StepHandlers build() {
      return new StepHandlers(new EnumMap<>(handlers));
    }
  }
}
