package io.ordo.engine.runtime.execution.logic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.engine.model.Goal;
import io.ordo.engine.model.OnError;
import io.ordo.engine.model.StepDefinition;
import io.ordo.engine.model.WorkflowDefinition;
import io.ordo.engine.model.expr.ExpressionException;
import io.ordo.engine.runtime.EngineSettings;
import io.ordo.engine.runtime.definitions.CompiledWorkflow;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCancelled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCompleted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionFailed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionPaused;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionResumed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionRetried;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.SignalReceived;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionTimedOut;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepStarted;
import io.ordo.engine.runtime.execution.logic.Readiness.Verdict;
import io.ordo.engine.runtime.execution.logic.WorkflowPlan.Node;
import io.ordo.engine.runtime.execution.state.Execution;
import io.ordo.engine.runtime.execution.state.StepState;
import io.ordo.engine.runtime.lifecycle.ExecutionStatus;
import io.ordo.engine.runtime.lifecycle.StepStatus;
import io.ordo.engine.runtime.steps.ErrorClasses;
import io.ordo.engine.runtime.steps.StepHandlers;
import io.ordo.engine.runtime.steps.StepOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The execution's decision logic, in plain Java: given the state, the definition and what just
 * happened, which events follow. It runs ready steps until nothing more can happen without the
 * outside world (a step actor, a timer, a signal), so a chain of in-process steps completes in
 * one journal write. Deterministic except for the clock and the retry jitter, which it is given.
 */
public final class ExecutionDecider {

  private final CompiledWorkflow workflow;
  private final StepHandlers handlers;
  private final EngineSettings settings;
  private final DoubleSupplier random;

  public ExecutionDecider(CompiledWorkflow workflow, StepHandlers handlers,
      EngineSettings settings) {
    this(workflow, handlers, settings, () -> ThreadLocalRandom.current().nextDouble());
  }

  public ExecutionDecider(CompiledWorkflow workflow, StepHandlers handlers,
      EngineSettings settings, DoubleSupplier random) {
    this.workflow = workflow;
    this.handlers = handlers;
    this.settings = settings;
    this.random = random;
  }

  public CompiledWorkflow workflow() {
    return workflow;
  }

  /** The start event, then everything that can run at once. */
  public Decision start(ExecutionStarted started) {
    Decision d = Decision.starting(started);
    new Run(context(started.at())).advance(d);
    return d;
  }

  /** Fires due timers and runs whatever has become ready. Harmless when nothing has. */
  public Decision advance(Execution ex, Instant now) {
    var d = new Decision(ex);
    new Run(context(now)).advance(d);
    return d;
  }

  /**
   * Records a step actor's result. A result for an attempt that is not the current one (a
   * retry already started, the step was cancelled) is ignored.
   */
  public Decision onOutcome(Execution ex, String stepId, Integer item, int attempt,
      StepOutcome outcome, Instant now) {
    var d = new Decision(ex);
    StepState state = Steps.find(ex, stepId, item);
    if (ex.isEnded() || state == null || state.status() != StepStatus.RUNNING
        || state.attempts() != attempt || state.dueAt() != null) {
      return d;
    }
    var run = new Run(context(now));
    run.outcomes.record(d, Steps.definitionOf(workflow.plan(), stepId, item), item, attempt,
        outcome);
    run.advance(d);
    return d;
  }

  /**
   * A signal completes the earliest step waiting for it (in definition order, then item order);
   * with none waiting it is kept for the first step that will.
   */
  public Decision signal(Execution ex, String name, JsonNode payload, Instant now) {
    var d = new Decision(ex);
    var run = new Run(context(now));
    StepState waiting = firstWaitingFor(ex, name);
    if (waiting == null) {
      d.emit(new SignalReceived(name, payload, null, null, now));
      return d;
    }
    d.emit(new SignalReceived(name, payload, waiting.stepId(), waiting.item(), now));
    run.outcomes.succeed(d, Steps.definitionOf(workflow.plan(), waiting.stepId(),
        waiting.item()), waiting.item(), waiting.attempts(), payload);
    run.advance(d);
    return d;
  }

  /** Nothing new starts while paused; what runs finishes, and timers wait for the resume. */
  public Decision pause(Execution ex, String by, Instant now) {
    var d = new Decision(ex);
    d.emit(new ExecutionPaused(by, now));
    return d;
  }

  public Decision resume(Execution ex, String by, Instant now) {
    var d = new Decision(ex);
    d.emit(new ExecutionResumed(by, now));
    new Run(context(now)).advance(d);
    return d;
  }

  /** Runs a failed or timed-out execution again from its failed steps. */
  public Decision retry(Execution ex, String by, Instant now) {
    var d = new Decision(ex);
    var timeout = workflow.definition().timeout();
    d.emit(new ExecutionRetried(by, timeout == null ? null : now.plus(timeout), now));
    new Run(context(now)).advance(d);
    return d;
  }

  private StepState firstWaitingFor(Execution ex, String name) {
    for (Node node : workflow.plan().nodes()) {
      StepState step = ex.steps().get(node.id());
      if (step == null) {
        continue;
      }
      if (step.awaitsSignal(name)) {
        return step;
      }
      for (StepState item : step.itemStates().values()) {
        if (item.awaitsSignal(name)) {
          return item;
        }
      }
    }
    return null;
  }

  public Decision cancel(Execution ex, String by, String reason, Instant now) {
    var d = new Decision(ex);
    var run = new Run(context(now));
    run.cancellation.cancelAll(d, "execution cancelled");
    d.emit(new ExecutionCancelled(by, reason, now));
    return d;
  }

  private DecisionContext context(Instant now) {
    return new DecisionContext(workflow, handlers, settings, now, random);
  }

  /** One decision's rules, sharing one context. */
  private static final class Run {
    private final DecisionContext dc;
    private final Readiness readiness;
    private final Outcomes outcomes;
    private final Cancellation cancellation;
    private final StepStarter starter;
    private final Containers containers;

    Run(DecisionContext dc) {
      this.dc = dc;
      this.readiness = new Readiness(dc.plan());
      this.outcomes = new Outcomes(dc);
      this.cancellation = new Cancellation(dc);
      this.starter = new StepStarter(dc, outcomes);
      this.containers = new Containers(dc, starter, outcomes, cancellation);
    }

    void advance(Decision d) {
      boolean progressed = true;
      while (progressed && d.state().status() == ExecutionStatus.RUNNING) {
        if (failIfAStepFailed(d) || timeOutIfDue(d)) {
          return;
        }
        progressed = fireDueTimers(d) | progressSteps(d);
      }
      if (d.state().status() == ExecutionStatus.RUNNING) {
        completeIfDone(d);
      }
    }

    private boolean progressSteps(Decision d) {
      boolean progressed = false;
      for (Node node : dc.plan().nodes()) {
        StepState state = d.state().steps().get(node.id());
        if (state == null) {
          Verdict verdict = readiness.of(node, d.state());
          if (verdict.resolved()) {
            if (verdict.run()) {
              starter.start(d, node.step(), null, null);
              if (failedTheRun(d, node)) {
                // Start nothing else: the failure ends the execution (or its PARALLEL) first.
                return true;
              }
            } else {
              starter.skip(d, node.id(), null, verdict.reason());
            }
            progressed = true;
          }
        } else if (state.status() == StepStatus.RUNNING) {
          progressed |= progressContainer(d, node);
        }
      }
      return progressed;
    }

    private static boolean failedTheRun(Decision d, Node node) {
      StepState state = d.state().steps().get(node.id());
      return state != null && state.status() == StepStatus.FAILED
          && node.step().onError() == OnError.FAIL;
    }

    private boolean progressContainer(Decision d, Node node) {
      switch (node.type()) {
        case PARALLEL:
          return containers.progressParallel(d, node);
        case FOR_EACH:
          return containers.progressForEach(d, node);
        default:
          return false;
      }
    }

    /** A WAIT whose time has come completes; a retry whose time has come starts its attempt. */
    private boolean fireDueTimers(Decision d) {
      boolean fired = false;
      for (StepState state : Steps.all(d.state())) {
        if (!state.onTimer() || state.dueAt().isAfter(dc.now())) {
          continue;
        }
        StepState current = Steps.find(d.state(), state.stepId(), state.item());
        if (current == null || !current.onTimer()) {
          continue;
        }
        StepDefinition step = Steps.definitionOf(dc.plan(), state.stepId(), state.item());
        if (current.status() == StepStatus.RETRYING) {
          d.emit(new StepStarted(step.id(), state.item(), step.type(), current.attempts() + 1,
              dc.now()));
        } else if (current.signal() != null) {
          outcomes.fail(d, step, state.item(), current.attempts(), StepError.of(
              ErrorClasses.SIGNAL_TIMEOUT, "no signal '" + current.signal() + "' within "
                  + step.timeout(), false), null);
        } else {
          ObjectNode output = JsonNodeFactory.instance.objectNode();
          output.put("firedAt", dc.now().toString());
          outcomes.succeed(d, step, state.item(), current.attempts(), output);
        }
        fired = true;
      }
      return fired;
    }

    /** A top-level step that failed with {@code onError: FAIL} fails the execution. */
    private boolean failIfAStepFailed(Decision d) {
      for (Node node : dc.plan().topLevel()) {
        StepState state = d.state().steps().get(node.id());
        if (state != null && state.status() == StepStatus.FAILED
            && node.step().onError() == OnError.FAIL) {
          cancellation.cancelAll(d, "step '" + node.id() + "' failed");
          d.emit(new ExecutionFailed(node.id(), state.error(), dc.now()));
          return true;
        }
      }
      return false;
    }

    private boolean timeOutIfDue(Decision d) {
      Instant deadline = d.state().deadline();
      if (deadline == null || deadline.isAfter(dc.now())) {
        return false;
      }
      cancellation.cancelAll(d, "execution timed out");
      d.emit(new ExecutionTimedOut(dc.now()));
      return true;
    }

    private void completeIfDone(Decision d) {
      for (Node node : dc.plan().topLevel()) {
        StepState state = d.state().steps().get(node.id());
        if (state == null || !state.status().isTerminal()) {
          return;
        }
      }
      WorkflowDefinition def = dc.definition();
      ObjectNode ctx = ExpressionContexts.of(d.state());
      JsonNode output;
      try {
        output = def.output() != null ? def.output().evaluate(ctx) : defaultOutput(d);
      } catch (ExpressionException e) {
        d.emit(new ExecutionFailed(null, StepError.of(ErrorClasses.OUTPUT_EXPRESSION_FAILED,
            "workflow `output`: " + e.getMessage(), false), dc.now()));
        return;
      }
      long size = Outcomes.sizeOf(output);
      if (size > dc.settings().maxStepOutputBytes()) {
        d.emit(new ExecutionFailed(null, StepError.of(ErrorClasses.OUTPUT_TOO_LARGE,
            "workflow output is " + size + " bytes, over the limit of "
                + dc.settings().maxStepOutputBytes(), false), dc.now()));
        return;
      }
      d.emit(new ExecutionCompleted(output, goalsReached(def, ctx), dc.now()));
    }

    private ObjectNode defaultOutput(Decision d) {
      ObjectNode output = JsonNodeFactory.instance.objectNode();
      for (Node node : dc.plan().topLevel()) {
        StepState state = d.state().steps().get(node.id());
        if (state.status() == StepStatus.COMPLETED && state.output() != null) {
          output.set(node.id(), state.output());
        }
      }
      return output;
    }

    /** A goal whose expression fails or yields anything but true counts as not reached. */
    private static List<String> goalsReached(WorkflowDefinition def, ObjectNode ctx) {
      var reached = new ArrayList<String>();
      for (Goal goal : def.goals()) {
        try {
          JsonNode value = goal.when().evaluate(ctx);
          if (value.isBoolean() && value.booleanValue()) {
            reached.add(goal.name());
          }
        } catch (ExpressionException e) {
          // Not reached; the goal is an analytics signal, not a reason to fail the execution.
        }
      }
      return reached;
    }
  }
}
