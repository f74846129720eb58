package io.ordo.engine.runtime.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.engine.model.StepDefinition;
import io.ordo.engine.model.StepType;
import io.ordo.engine.runtime.definitions.CompiledWorkflow;
import io.ordo.engine.runtime.definitions.WorkflowKey;
import io.ordo.engine.runtime.execution.ExecutionEntity.Command;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionParked;
import io.ordo.engine.runtime.execution.logic.ExecutionDecider;
import io.ordo.engine.runtime.execution.logic.ExpressionContexts;
import io.ordo.engine.runtime.execution.logic.Steps;
import io.ordo.engine.runtime.execution.state.Execution;
import io.ordo.engine.runtime.execution.state.ExecutionState;
import io.ordo.engine.runtime.execution.state.StepState;
import io.ordo.engine.runtime.lifecycle.ExecutionStatus;
import io.ordo.engine.runtime.lifecycle.StepStatus;
import io.ordo.engine.runtime.steps.StepActor;
import io.ordo.engine.runtime.steps.StepHandler;
import io.ordo.engine.runtime.steps.StepInvocation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.pattern.StatusReply;

/**
 * The side effects of one execution entity, derived from its state after every change and after
 * recovery: one step actor per running attempt, one Pekko timer per durable timer that is due
 * soon, and passivation when nothing is left to do in memory. Deriving them from state is what
 * makes recovery the same code path as normal operation.
 */
final class ExecutionRuntime {

  /** One attempt of one step or item. */
  record AttemptKey(String stepId, Integer item, int attempt) {}

  private static final Duration MAX_ARMED = Duration.ofHours(1);
  private static final String PASSIVATE = "passivate";
  private static final String DEADLINE = "deadline";

  private final ActorContext<Command> ctx;
  private final TimerScheduler<Command> timers;
  private final ActorRef<ClusterSharding.ShardCommand> shard;
  private final ExecutionServices services;
  private final Map<AttemptKey, ActorRef<StepActor.Command>> children = new HashMap<>();
  private final Map<String, Instant> armed = new HashMap<>();
  private final List<ActorRef<StatusReply<Execution>>> awaitingEnd = new ArrayList<>();
  private ExecutionDecider decider;

  ExecutionRuntime(ActorContext<Command> ctx, TimerScheduler<Command> timers,
      ActorRef<ClusterSharding.ShardCommand> shard, ExecutionServices services) {
    this.ctx = ctx;
    this.timers = timers;
    this.shard = shard;
    this.services = services;
  }

  boolean hasWorkflow() {
    return decider != null;
  }

  void useWorkflow(CompiledWorkflow workflow) {
    decider = new ExecutionDecider(workflow, services.handlers(), services.settings());
  }

  /**
   * Gets the execution's definition version: from this node's cache at once, else from the
   * store, arriving as {@code DefinitionReady} (commands that need it are stashed meanwhile).
   */
  void loadWorkflow(Execution ex) {
    var key = new WorkflowKey(ex.workspaceId(), ex.workflowId(), ex.version());
    var cached = services.definitions().cached(key);
    if (cached.isPresent()) {
      useWorkflow(cached.get());
      reconcile(ex);
      return;
    }
    ctx.pipeToSelf(services.definitions().load(key), (workflow, error) -> error == null
        ? new ExecutionEntity.DefinitionReady(workflow)
        : new ExecutionEntity.DefinitionFailed(String.valueOf(error)));
  }

  ExecutionDecider decider() {
    return decider;
  }

  Instant now() {
    return services.clock().instant();
  }

  void passivate() {
    shard.tell(new ClusterSharding.Passivate<>(ctx.getSelf()));
  }

  void passivateIn(Duration after) {
    timers.startSingleTimer(PASSIVATE, new ExecutionEntity.PassivateNow(), after);
  }

  /** Someone waits for the end; kept in memory only, so the execution stays there too. */
  void awaitEnd(ActorRef<StatusReply<Execution>> replyTo) {
    awaitingEnd.add(replyTo);
    timers.cancel(PASSIVATE);
  }

  /** Brings children, timers and passivation in line with the state. */
  void reconcile(ExecutionState state) {
    if (!(state instanceof Execution ex)) {
      passivateIn(services.settings().passivateAfterEnd());
      return;
    }
    if (ex.isEnded()) {
      awaitingEnd.forEach(waiter -> waiter.tell(StatusReply.success(ex)));
      awaitingEnd.clear();
      children.values().forEach(ctx::stop);
      children.clear();
      armed.keySet().forEach(timers::cancel);
      armed.clear();
      passivateIn(services.settings().passivateAfterEnd());
      return;
    }
    if (decider == null) {
      return;
    }
    reconcileChildren(ex);
    Instant nextDue = reconcileTimers(ex);
    boolean idle = children.isEmpty() && awaitingEnd.isEmpty() && (nextDue == null
        || nextDue.isAfter(now().plus(services.settings().passivateWhenIdle())));
    if (idle) {
      passivateIn(services.settings().passivateWhenIdle());
    } else {
      timers.cancel(PASSIVATE);
    }
  }

  /** Forgets the timers that have come due, so the next reconcile re-arms what is still wanted. */
  void timerFired() {
    Instant now = now();
    armed.entrySet().removeIf(e -> !e.getValue().isAfter(now));
  }

  /** Whether the attempt a stopped child ran is still the step's current, running attempt. */
  boolean isCurrentAttempt(Execution ex, String stepId, Integer item, int attempt) {
    StepState state = Steps.find(ex, stepId, item);
    return state != null && state.status() == StepStatus.RUNNING && state.attempts() == attempt
        && state.dueAt() == null;
  }

  WakeUpReply wakeUpReply(ExecutionState state) {
    if (!(state instanceof Execution ex) || ex.isEnded()) {
      return new WakeUpReply(null, false, true);
    }
    return parked(ex)
        .map(parked -> new WakeUpReply(parked.until(), true, false))
        .orElseGet(() -> new WakeUpReply(now().plus(services.settings().livenessInterval()),
            false, false));
  }

  /**
   * The {@link ExecutionParked} fact when nothing of a running execution runs (or it is paused),
   * so only its earliest durable timer, or a command, can move it on; empty while steps run.
   */
  Optional<ExecutionParked> parked(Execution ex) {
    if (ex.isEnded()) {
      return Optional.empty();
    }
    boolean paused = ex.status() == ExecutionStatus.PAUSED;
    if (!paused && Steps.all(ex).stream().anyMatch(this::isWork)) {
      return Optional.empty();
    }
    Instant next = paused ? null : ex.deadline();
    for (StepState step : Steps.all(ex)) {
      if (step.onTimer() && (next == null || step.dueAt().isBefore(next))) {
        next = step.dueAt();
      }
    }
    return Optional.of(new ExecutionParked(next, now()));
  }

  private void reconcileChildren(Execution ex) {
    var wanted = new HashMap<AttemptKey, StepState>();
    if (ex.status() == ExecutionStatus.RUNNING || ex.status() == ExecutionStatus.PAUSED) {
      for (StepState step : Steps.all(ex)) {
        if (isWork(step)) {
          wanted.put(new AttemptKey(step.stepId(), step.item(), step.attempts()), step);
        }
      }
    }
    children.entrySet().removeIf(child -> {
      if (wanted.containsKey(child.getKey())) {
        return false;
      }
      ctx.stop(child.getValue());
      return true;
    });
    wanted.forEach((key, step) -> children.computeIfAbsent(key, k -> spawn(ex, k)));
  }

  /** A step attempt that a step actor performs: running, not waiting, of a handler's type. */
  private boolean isWork(StepState step) {
    if (step.status() != StepStatus.RUNNING || step.dueAt() != null || step.signal() != null) {
      return false;
    }
    StepType type = Steps.definitionOf(decider.workflow().plan(), step.stepId(), step.item())
        .type();
    return !StepSupport.isEngineType(type);
  }

  private ActorRef<StepActor.Command> spawn(Execution ex, AttemptKey key) {
    var workflow = decider.workflow();
    StepDefinition step = Steps.definitionOf(workflow.plan(), key.stepId(), key.item());
    StepHandler handler = services.handlers().get(step.type()).orElseThrow();
    ObjectNode context = ExpressionContexts.of(ex);
    if (key.item() != null) {
      var items = ex.steps().get(key.stepId()).items();
      context = ExpressionContexts.forItem(context, items.get(key.item()), key.item());
    }
    var invocation = new StepInvocation(ex.executionId(), key.stepId(), key.item(), key.attempt(),
        step, context, StepInvocation.idempotencyKey(ex.executionId(), key.stepId(), key.item()),
        Steps.timeoutOf(workflow.definition(), step));
    ActorRef<Command> self = ctx.getSelf();
    ActorRef<StepActor.Command> child = ctx.spawnAnonymous(
        StepActor.create(handler, invocation, outcome -> self.tell(new ExecutionEntity.StepFinished(
            key.stepId(), key.item(), key.attempt(), outcome))),
        DispatcherSelector.fromConfig("ordo.engine.step-dispatcher"));
    ctx.watchWith(child,
        new ExecutionEntity.StepActorStopped(key.stepId(), key.item(), key.attempt()));
    return child;
  }

  /** Arms the timers due within the hour; later ones are the wake-up poller's. */
  private Instant reconcileTimers(Execution ex) {
    var wanted = new HashMap<String, Instant>();
    if (ex.status() == ExecutionStatus.RUNNING) {
      for (StepState step : Steps.all(ex)) {
        if (step.onTimer()) {
          wanted.put("due|" + step.stepId() + "|" + step.item(), step.dueAt());
        }
      }
      if (ex.deadline() != null) {
        wanted.put(DEADLINE, ex.deadline());
      }
    }
    Instant now = now();
    Instant nextDue = null;
    armed.entrySet().removeIf(e -> {
      boolean stale = !e.getValue().equals(wanted.get(e.getKey()));
      if (stale) {
        timers.cancel(e.getKey());
      }
      return stale;
    });
    for (var timer : wanted.entrySet()) {
      Duration delay = Duration.between(now, timer.getValue());
      if (delay.isNegative()) {
        delay = Duration.ZERO;
      }
      if (!armed.containsKey(timer.getKey()) && delay.compareTo(MAX_ARMED) <= 0) {
        timers.startSingleTimer(timer.getKey(), new ExecutionEntity.TimerFired(), delay);
        armed.put(timer.getKey(), timer.getValue());
      }
      if (nextDue == null || timer.getValue().isBefore(nextDue)) {
        nextDue = timer.getValue();
      }
    }
    return nextDue;
  }
}
