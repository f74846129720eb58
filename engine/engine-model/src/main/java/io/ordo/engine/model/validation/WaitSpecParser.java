package io.ordo.engine.model.validation;

import io.ordo.engine.model.expr.ValueTemplate;
import io.ordo.engine.model.steps.StepSpec;
import io.ordo.engine.model.steps.WaitSpec;
import java.util.List;
import java.util.stream.Collectors;

/**
 * WAIT: exactly one of {@code duration} (a literal is checked now, a template at run time),
 * {@code until} (timestamp or epoch millis) and {@code signal} (a name).
 */
final class WaitSpecParser implements StepSpecParser {

  private static final List<String> KINDS = List.of("duration", "until", "signal");

  @Override
  public StepSpec parse(FieldReader fields, String stepId, StepParser steps) {
    int mark = fields.violations().mark();
    List<String> given = KINDS.stream().filter(fields::has).toList();
    if (given.isEmpty()) {
      fields.violations().add(fields.pointer(),
          "a WAIT step needs one of 'duration', 'until' or 'signal'");
    } else if (given.size() > 1) {
      fields.violations().add(fields.pointer(), "a WAIT step takes exactly one of 'duration',"
          + " 'until' or 'signal', not "
          + given.stream().map(k -> "'" + k + "'").collect(Collectors.joining(" and ")));
    }
    ValueTemplate duration = Templates.optional(fields, "duration", Expect.DURATION);
    ValueTemplate until = Templates.optional(fields, "until", Expect.TIMESTAMP);
    String signal = fields.identifier("signal", false);
    if (!fields.violations().noneSince(mark)) {
      return null;
    }
    if (duration != null) {
      return new WaitSpec(WaitSpec.Kind.DURATION, duration, null);
    }
    return until != null ? new WaitSpec(WaitSpec.Kind.UNTIL, until, null)
        : new WaitSpec(WaitSpec.Kind.SIGNAL, null, signal);
  }
}
