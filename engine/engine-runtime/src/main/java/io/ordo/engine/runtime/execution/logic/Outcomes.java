package io.ordo.engine.runtime.execution.logic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.engine.model.ArtifactSpec;
import io.ordo.engine.model.Json;
import io.ordo.engine.model.StepDefinition;
import io.ordo.engine.model.expr.ExpressionException;
import io.ordo.engine.model.retry.RetryPolicy;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ArtifactRecorded;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepFailed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepRetryScheduled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepSucceeded;
import io.ordo.engine.runtime.execution.state.StepState;
import io.ordo.engine.runtime.steps.ErrorClasses;
import io.ordo.engine.runtime.steps.StepOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what an attempt produced: a success within the output budget (with its artifacts), or a
 * failure that the step's retry policy either schedules another attempt for or makes final.
 */
final class Outcomes {

  private final DecisionContext dc;

  Outcomes(DecisionContext dc) {
    this.dc = dc;
  }

  void record(Decision d, StepDefinition step, Integer item, int attempt, StepOutcome outcome) {
    if (outcome instanceof StepOutcome.Succeeded ok) {
      succeed(d, step, item, attempt, ok.output(), ok.input());
    } else if (outcome instanceof StepOutcome.Failed failed) {
      fail(d, step, item, attempt, failed.error(), failed.retryAfter(), failed.retry(),
          failed.input());
    } else {
      // Not attempted (a breaker refused it): the same attempt waits, nothing is spent.
      var deferred = (StepOutcome.Deferred) outcome;
      Instant due = deferred.until().isAfter(dc.now()) ? deferred.until() : dc.now();
      d.emit(new StepRetryScheduled(step.id(), item, attempt, due, dc.now()));
    }
  }

  void succeed(Decision d, StepDefinition step, Integer item, int attempt, JsonNode output) {
    succeed(d, step, item, attempt, output, null);
  }

  void succeed(Decision d, StepDefinition step, Integer item, int attempt, JsonNode output,
      JsonNode input) {
    long size = sizeOf(output);
    if (size > dc.settings().maxStepOutputBytes()) {
      fail(d, step, item, attempt, StepError.of(ErrorClasses.OUTPUT_TOO_LARGE, "output is " + size
          + " bytes, over the limit of " + dc.settings().maxStepOutputBytes()
          + " bytes; store large results as artifacts or return a reference", false), null,
          null, input);
      return;
    }
    List<ArtifactRecorded> artifacts;
    try {
      artifacts = artifacts(d, step, item, output);
    } catch (ExpressionException e) {
      fail(d, step, item, attempt,
          StepError.of(ErrorClasses.ARTIFACT_FAILED, e.getMessage(), false), null, null, input);
      return;
    }
    d.emit(new StepSucceeded(step.id(), item, step.type(), attempt, output,
        durationMs(d, step.id(), item), dc.now(), input));
    artifacts.forEach(d::emit);
  }

  void fail(Decision d, StepDefinition step, Integer item, int attempt, StepError error,
      Duration retryAfter) {
    fail(d, step, item, attempt, error, retryAfter, null, null);
  }

  /** {@code agentRetry}: the called agent's policy, used when neither step nor workflow set one. */
  void fail(Decision d, StepDefinition step, Integer item, int attempt, StepError error,
      Duration retryAfter, RetryPolicy agentRetry, JsonNode input) {
    d.emit(new StepFailed(step.id(), item, step.type(), attempt, error,
        durationMs(d, step.id(), item), dc.now(), input));
    RetryPolicy policy = dc.retryOf(step, agentRetry);
    if (policy.allowsRetry(attempt, error.errorClass(), error.retryable())) {
      Duration delay = policy.delayBeforeAttempt(attempt + 1, dc.random());
      if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
        delay = retryAfter;
      }
      d.emit(new StepRetryScheduled(step.id(), item, attempt + 1, dc.now().plus(delay),
          dc.now()));
    }
  }

  private List<ArtifactRecorded> artifacts(Decision d, StepDefinition step, Integer item,
      JsonNode output) throws ExpressionException {
    if (step.artifacts().isEmpty()) {
      return List.of();
    }
    ObjectNode ctx = ExpressionContexts.withOutput(ExpressionContexts.of(d.state()), output);
    var recorded = new ArrayList<ArtifactRecorded>();
    for (ArtifactSpec spec : step.artifacts()) {
      JsonNode value = spec.value() == null ? output : spec.value().evaluate(ctx);
      String contentType = spec.contentType() != null ? spec.contentType() : "application/json";
      recorded.add(new ArtifactRecorded(step.id(), item, spec.name(), contentType, value,
          dc.now()));
    }
    return recorded;
  }

  private long durationMs(Decision d, String stepId, Integer item) {
    StepState state = Steps.find(d.state(), stepId, item);
    Instant since = state == null ? null : state.attemptStartedAt();
    return since == null ? 0 : Math.max(0, Duration.between(since, dc.now()).toMillis());
  }

  static long sizeOf(JsonNode value) {
    if (value == null) {
      return 0;
    }
    try {
      return Json.mapper().writeValueAsBytes(value).length;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree that cannot be written", e);
    }
  }
}
