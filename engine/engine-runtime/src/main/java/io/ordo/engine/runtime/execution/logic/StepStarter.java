package io.ordo.engine.runtime.execution.logic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.engine.model.StepDefinition;
import io.ordo.engine.model.StepType;
import io.ordo.engine.model.expr.ExpressionException;
import io.ordo.engine.model.expr.ValueTemplate;
import io.ordo.engine.model.steps.ConditionalSpec;
import io.ordo.engine.model.steps.ForEachSpec;
import io.ordo.engine.model.steps.WaitSpec;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ForEachStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.SignalDelivered;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.SkipReason;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepSkipped;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepSucceeded;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepWaiting;
import io.ordo.engine.runtime.execution.logic.WorkflowPlan.Node;
import io.ordo.engine.runtime.steps.ErrorClasses;
import io.ordo.engine.runtime.steps.StepHandler;
import io.ordo.engine.runtime.steps.StepInvocation;
import io.ordo.engine.runtime.steps.StepOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Begins a step (or one FOR_EACH item) that readiness let through: evaluates its {@code when},
 * then does what its type means. In-process work finishes here, in the same decision; work for
 * a step actor is marked started and dispatched once the events are persisted.
 */
final class StepStarter {

  private final DecisionContext dc;
  private final Outcomes outcomes;

  StepStarter(DecisionContext dc, Outcomes outcomes) {
    this.dc = dc;
    this.outcomes = outcomes;
  }

  void start(Decision d, StepDefinition step, Integer item, JsonNode itemValue) {
    ObjectNode ctx = ExpressionContexts.of(d.state());
    if (item != null) {
      ctx = ExpressionContexts.forItem(ctx, itemValue, item);
    }
    Optional<Boolean> when = evaluateWhen(d, step, item, ctx);
    if (when.isEmpty()) {
      return;
    }
    if (!when.get()) {
      skip(d, step.id(), item, SkipReason.WHEN_FALSE);
      return;
    }
    switch (step.type()) {
      case CONDITIONAL -> conditional(d, step, item, ctx);
      case PARALLEL -> d.emit(new StepStarted(step.id(), item, step.type(), 1, dc.now()));
      case FOR_EACH -> forEach(d, step, ctx);
      case WAIT -> waitFor(d, step, item, ctx);
      default -> work(d, step, item, ctx);
    }
  }

  /** Skips a step; skipping a PARALLEL skips everything inside it too. */
  void skip(Decision d, String stepId, Integer item, SkipReason reason) {
    d.emit(new StepSkipped(stepId, item, reason, dc.now()));
    if (item == null && dc.plan().node(stepId).type() == StepType.PARALLEL) {
      for (Node inner : dc.plan().descendantsOf(stepId)) {
        if (!d.state().steps().containsKey(inner.id())) {
          d.emit(new StepSkipped(inner.id(), null, SkipReason.PARENT_SKIPPED, dc.now()));
        }
      }
    }
  }

  private Optional<Boolean> evaluateWhen(Decision d, StepDefinition step, Integer item,
      ObjectNode ctx) {
    if (step.when() == null) {
      return Optional.of(true);
    }
    return evaluateBoolean(d, step, item, step.when(), ctx, "when");
  }

  private Optional<Boolean> evaluateBoolean(Decision d, StepDefinition step, Integer item,
      ValueTemplate template, ObjectNode ctx, String what) {
    try {
      JsonNode value = template.evaluate(ctx);
      if (value.isBoolean()) {
        return Optional.of(value.booleanValue());
      }
      failExpression(d, step, item, "`" + what + "` must yield true or false, got "
          + (value.isNull() ? "null" : value.getNodeType().name().toLowerCase() + " " + value));
    } catch (ExpressionException e) {
      failExpression(d, step, item, "`" + what + "`: " + e.getMessage());
    }
    return Optional.empty();
  }

  private void conditional(Decision d, StepDefinition step, Integer item, ObjectNode ctx) {
    var spec = (ConditionalSpec) step.spec();
    ObjectNode output = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < spec.branches().size(); i++) {
      Optional<Boolean> matches = evaluateBoolean(d, step, item, spec.branches().get(i).when(), ctx,
          "branches[" + i + "].when");
      if (matches.isEmpty()) {
        return;
      }
      if (matches.get()) {
        output.put("branch", i);
        d.emit(new StepSucceeded(step.id(), item, step.type(), 1, output, 0, dc.now()));
        return;
      }
    }
    output.put("branch", "otherwise");
    d.emit(new StepSucceeded(step.id(), item, step.type(), 1, output, 0, dc.now()));
  }

  private void forEach(Decision d, StepDefinition step, ObjectNode ctx) {
    var spec = (ForEachSpec) step.spec();
    JsonNode items;
    try {
      items = spec.items().evaluate(ctx);
    } catch (ExpressionException e) {
      failExpression(d, step, null, "`items`: " + e.getMessage());
      return;
    }
    if (!items.isArray()) {
      fail(d, step, null, ErrorClasses.ITEMS_NOT_ARRAY, "`items` must yield an array, got "
          + items.getNodeType().name().toLowerCase());
    } else if (items.size() > dc.settings().maxForEachItems()) {
      fail(d, step, null, ErrorClasses.TOO_MANY_ITEMS, "`items` yielded " + items.size()
          + " items, over the limit of " + dc.settings().maxForEachItems());
    } else {
      d.emit(new ForEachStarted(step.id(), items, dc.now()));
    }
  }

  private void waitFor(Decision d, StepDefinition step, Integer item, ObjectNode ctx) {
    var spec = (WaitSpec) step.spec();
    if (spec.kind() == WaitSpec.Kind.SIGNAL) {
      waitForSignal(d, step, item, spec.signal());
      return;
    }
    try {
      JsonNode value = spec.value().evaluate(ctx);
      Instant due = spec.kind() == WaitSpec.Kind.DURATION ? dc.now().plus(duration(value))
          : instant(value);
      d.emit(new StepWaiting(step.id(), item, due, null, dc.now()));
    } catch (ExpressionException e) {
      failExpression(d, step, item, e.getMessage());
    } catch (IllegalArgumentException e) {
      fail(d, step, item, ErrorClasses.INVALID_WAIT, e.getMessage());
    }
  }

  /** A signal that came before the step takes it at once; otherwise the step waits for one. */
  private void waitForSignal(Decision d, StepDefinition step, Integer item, String name) {
    Optional<JsonNode> kept = d.state().keptSignal(name);
    if (kept.isPresent()) {
      d.emit(new SignalDelivered(name, step.id(), item, dc.now()));
      outcomes.succeed(d, step, item, 1, kept.get());
      return;
    }
    Instant timeoutAt = step.timeout() == null ? null : dc.now().plus(step.timeout());
    d.emit(new StepWaiting(step.id(), item, timeoutAt, name, dc.now()));
  }

  private void work(Decision d, StepDefinition step, Integer item, ObjectNode ctx) {
    Optional<StepHandler> handler = dc.handlers().get(step.type());
    if (handler.isEmpty()) {
      fail(d, step, item, ErrorClasses.UNSUPPORTED_STEP_TYPE,
          step.type() + " steps are not yet supported");
      return;
    }
    if (handler.get() instanceof StepHandler.Pure pure && dc.settings().inlinePureSteps()) {
      String executionId = d.state().executionId();
      var invocation = new StepInvocation(executionId, step.id(), item, 1, step, ctx,
          StepInvocation.idempotencyKey(executionId, step.id(), item), dc.timeoutOf(step));
      StepOutcome outcome = pure.evaluate(invocation);
      outcomes.record(d, step, item, 1, outcome);
      return;
    }
    d.emit(new StepStarted(step.id(), item, step.type(), 1, dc.now()));
  }

  private void failExpression(Decision d, StepDefinition step, Integer item, String message) {
    fail(d, step, item, ErrorClasses.EXPRESSION_FAILED, message);
  }

  private void fail(Decision d, StepDefinition step, Integer item, String errorClass,
      String message) {
    outcomes.fail(d, step, item, 1, StepError.of(errorClass, message, false), null);
  }

  private static Duration duration(JsonNode value) {
    try {
      Duration duration = Duration.parse(value.asText());
      if (duration.isNegative()) {
        throw new IllegalArgumentException("`duration` is negative: " + value.asText());
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("`duration` is not an ISO-8601 duration: " + value);
    }
  }

  private static Instant instant(JsonNode value) {
    if (value.isIntegralNumber()) {
      return Instant.ofEpochMilli(value.asLong());
    }
    try {
      return OffsetDateTime.parse(value.asText()).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "`until` is neither an ISO-8601 timestamp nor epoch milliseconds: " + value);
    }
  }
}
