package io.ordo.engine.runtime.execution.logic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import io.ordo.engine.model.Json;
import io.ordo.engine.model.validation.DefinitionParser;
import io.ordo.engine.model.validation.ParseResult;
import io.ordo.engine.runtime.EngineSettings;
import io.ordo.engine.runtime.definitions.CompiledWorkflow;
import io.ordo.engine.runtime.definitions.WorkflowKey;
import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepEvent;
import io.ordo.engine.runtime.execution.state.EventApplier;
import io.ordo.engine.runtime.execution.state.Execution;
import io.ordo.engine.runtime.execution.state.ExecutionState;
import io.ordo.engine.runtime.execution.state.StepState;
import io.ordo.engine.runtime.lifecycle.Lifecycles;
import io.ordo.engine.runtime.lifecycle.StepStatus;
import io.ordo.engine.runtime.steps.StepHandlers;
import io.ordo.engine.runtime.steps.StepOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

/**
 * Drives one {@link ExecutionDecider} through a test: it keeps the state every decision leaves
 * and the journal of every event decided so far, and checks after each decision that replaying
 * that journal rebuilds the same state (decide, then evolve) and that every event moves a status
 * only as {@link Lifecycles} allows (the decider checks this too, and would throw).
 */
final class DeciderHarness {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final WorkflowKey KEY = new WorkflowKey("default", "wf", 1);

  private final ExecutionDecider decider;
  private final List<ExecutionEvent> journal = new ArrayList<>();
  private Execution state;

  private DeciderHarness(ExecutionDecider decider) {
    this.decider = decider;
  }

  static EngineSettings defaults() {
    return EngineSettings.from(ConfigFactory.load());
  }

  static EngineSettings settings(boolean inlinePureSteps, long maxStepOutputBytes) {
    return defaults().withInlinePureSteps(inlinePureSteps)
        .withMaxStepOutputBytes(maxStepOutputBytes);
  }

  static CompiledWorkflow compile(String definition) {
    ParseResult result = new DefinitionParser().parse(definition);
    if (result instanceof ParseResult.Invalid invalid) {
      throw new AssertionError("invalid test definition: " + invalid.violations());
    }
    return CompiledWorkflow.of(KEY, ((ParseResult.Valid) result).definition());
  }

  static DeciderHarness of(String definition) {
    return of(definition, defaults());
  }

  static DeciderHarness of(String definition, EngineSettings settings) {
    return of(definition, settings, () -> 0.5);
  }

  /** {@code random} feeds the retry jitter: 0.5 means none, 0.0 the shortest delay. */
  static DeciderHarness of(String definition, EngineSettings settings, DoubleSupplier random) {
    return new DeciderHarness(new ExecutionDecider(compile(definition), StepHandlers.standard(),
        settings, random));
  }

  static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** Starts at {@link #T0}; the deadline follows the definition's timeout, as the entity does. */
  Decision start(String input) {
    Duration timeout = decider.workflow().definition().timeout();
    var started = new ExecutionStarted("ex-1", KEY.workspaceId(), KEY.workflowId(),
        KEY.version(), json(input), "test", null, timeout == null ? null : T0.plus(timeout), T0);
    return record(decider.start(started));
  }

  Decision start() {
    return start("{}");
  }

  Decision advance(Instant now) {
    return record(decider.advance(state, now));
  }

  Decision outcome(String stepId, Integer item, int attempt, StepOutcome outcome, Instant now) {
    return record(decider.onOutcome(state, stepId, item, attempt, outcome, now));
  }

  Decision signal(String name, String payload, Instant now) {
    return record(decider.signal(state, name, json(payload), now));
  }

  Decision pause(Instant now) {
    return record(decider.pause(state, "alice", now));
  }

  Decision resume(Instant now) {
    return record(decider.resume(state, "alice", now));
  }

  Decision retry(Instant now) {
    return record(decider.retry(state, "alice", now));
  }

  Decision cancel(Instant now) {
    return record(decider.cancel(state, "alice", "no longer needed", now));
  }

  Execution state() {
    return state;
  }

  StepState step(String stepId) {
    StepState step = state.steps().get(stepId);
    if (step == null) {
      throw new AssertionError("step " + stepId + " has no state; steps: " + state.steps().keySet());
    }
    return step;
  }

  StepState item(String stepId, int item) {
    StepState found = step(stepId).itemStates().get(item);
    if (found == null) {
      throw new AssertionError("item " + item + " of " + stepId + " has no state");
    }
    return found;
  }

  StepStatus status(String stepId) {
    return state.stepStatus(stepId);
  }

  JsonNode output(String stepId) {
    return step(stepId).output();
  }

  List<ExecutionEvent> journal() {
    return List.copyOf(journal);
  }

  private Decision record(Decision decision) {
    journal.addAll(decision.events());
    ExecutionState replayed = ExecutionState.NOT_STARTED;
    for (ExecutionEvent event : journal) {
      ExecutionState before = replayed;
      replayed = EventApplier.apply(replayed, event);
      assertAllowedByLifecycles(before, replayed, event);
    }
    state = decision.state();
    assertInstanceOf(Execution.class, replayed);
    assertEquals(state, replayed, "replaying the journal rebuilds the decided state");
    return decision;
  }

  /** Checks every event against the tables independently of the decider's own check. */
  private static void assertAllowedByLifecycles(ExecutionState before, ExecutionState after,
      ExecutionEvent event) {
    if (!(before instanceof Execution from) || !(after instanceof Execution to)) {
      return;
    }
    assertTrue(from.status() == to.status() || Lifecycles.canMove(from.status(), to.status()),
        () -> "execution " + from.status() + " -> " + to.status() + " by " + event);
    if (event instanceof StepEvent e) {
      StepStatus was = statusOf(Steps.find(from, e.stepId(), e.item()));
      StepStatus is = statusOf(Steps.find(to, e.stepId(), e.item()));
      assertTrue(was == is || Lifecycles.canMove(was, is),
          () -> "step " + was + " -> " + is + " by " + event);
    }
  }

  private static StepStatus statusOf(StepState state) {
    return state == null ? StepStatus.PENDING : state.status();
  }

  /** The simple class names of a decision's events, in order. */
  static List<String> types(Decision decision) {
    return decision.events().stream().map(e -> e.getClass().getSimpleName()).toList();
  }

  /** {@code Type(step)} or {@code Type(step[item])} per event, or just {@code Type}. */
  static List<String> described(Decision decision) {
    return decision.events().stream().map(DeciderHarness::describe).toList();
  }

  static String describe(ExecutionEvent event) {
    String type = event.getClass().getSimpleName();
    if (event instanceof StepEvent e) {
      return type + "(" + e.stepId() + (e.item() == null ? "" : "[" + e.item() + "]") + ")";
    }
    if (event instanceof ExecutionEvent.ForEachStarted e) {
      return type + "(" + e.stepId() + ")";
    }
    return type;
  }

  /** The events of one type in a decision. */
  static <E extends ExecutionEvent> List<E> eventsOf(Decision decision, Class<E> type) {
    return decision.events().stream().filter(type::isInstance).map(type::cast)
        .collect(Collectors.toList());
  }
}
