package io.ordo.engine.model.steps;

import io.ordo.engine.model.expr.ValueTemplate;
import java.util.Objects;

/**
 * A durable timer or a wait for a signal.
 *
 * @param value for DURATION a template yielding an ISO-8601 duration (a literal one is already
 *     validated); for UNTIL a template yielding a timestamp or epoch milliseconds; null for SIGNAL
 * @param signal the signal name for SIGNAL, else null
 */
public record WaitSpec(Kind kind, ValueTemplate value, String signal) implements StepSpec {

  public WaitSpec {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.SIGNAL) != (signal != null) || (kind == Kind.SIGNAL) == (value != null)) {
      throw new IllegalArgumentException("SIGNAL needs a signal name only, timers a value only");
    }
  }

  /** What the step waits for. */
  public enum Kind {
    DURATION,
    UNTIL,
    SIGNAL
  }
}
