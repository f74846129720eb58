package io.ordo.engine.runtime.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.runtime.OrdoSerializable;
import io.ordo.engine.runtime.definitions.CompiledWorkflow;
import io.ordo.engine.runtime.execution.Rejections.Kind;
import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.Origin;
import io.ordo.engine.runtime.execution.logic.Decision;
import io.ordo.engine.runtime.execution.state.EventApplier;
import io.ordo.engine.runtime.execution.state.Execution;
import io.ordo.engine.runtime.execution.state.ExecutionState;
import io.ordo.engine.runtime.lifecycle.ExecutionStatus;
import io.ordo.engine.runtime.live.LiveEvents;
import io.ordo.engine.runtime.metrics.ExecutionMetrics;
import io.ordo.engine.runtime.metrics.OrdoMetrics;
import io.ordo.engine.runtime.steps.ErrorClasses;
import io.ordo.engine.runtime.steps.StepOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * One execution: a cluster-sharded, event-sourced actor. It only routes: decisions come from
 * {@link io.ordo.engine.runtime.execution.logic.ExecutionDecider}, side effects from
 * {@link ExecutionRuntime}, state changes from {@link EventApplier}.
 */
public final class ExecutionEntity
    extends EventSourcedBehaviorWithEnforcedReplies<ExecutionEntity.Command, ExecutionEvent,
        ExecutionState> {

  public static final EntityTypeKey<Command> TYPE_KEY =
      EntityTypeKey.create(Command.class, "Execution");

  /** The entity's protocol; the public records cross nodes, the others stay in the entity. */
  public sealed interface Command {}

  public record Start(StartRequest request, ActorRef<StatusReply<StartReply>> replyTo)
      implements Command, OrdoSerializable {}

  /** {@code created} is false when the id was already taken: the start was a repeat. */
  public record StartReply(String executionId, ExecutionStatus status, boolean created)
      implements OrdoSerializable {}

  public record Get(ActorRef<StatusReply<Execution>> replyTo) implements Command, OrdoSerializable {}

  /** {@code origin}, here and below: who sent the command, recorded in its event for the audit. */
  public record Cancel(String by, String reason, Origin origin,
      ActorRef<StatusReply<Execution>> replyTo) implements Command, OrdoSerializable {
    public Cancel(String by, String reason, ActorRef<StatusReply<Execution>> replyTo) {
      this(by, reason, null, replyTo);
    }
  }

  /** A named signal with its payload; the reply says which step took it, if one did. */
  public record Signal(String name, JsonNode payload, Origin origin,
      ActorRef<StatusReply<SignalReply>> replyTo) implements Command, OrdoSerializable {
    public Signal(String name, JsonNode payload, ActorRef<StatusReply<SignalReply>> replyTo) {
      this(name, payload, null, replyTo);
    }
  }

  /** {@code stepId} is null when no step waited: the signal is kept for the first that will. */
  public record SignalReply(String executionId, String stepId, Integer item,
      ExecutionStatus status) implements OrdoSerializable {}

  public record Pause(String by, Origin origin, ActorRef<StatusReply<Execution>> replyTo)
      implements Command, OrdoSerializable {
    public Pause(String by, ActorRef<StatusReply<Execution>> replyTo) {
      this(by, null, replyTo);
    }
  }

  public record Resume(String by, Origin origin, ActorRef<StatusReply<Execution>> replyTo)
      implements Command, OrdoSerializable {
    public Resume(String by, ActorRef<StatusReply<Execution>> replyTo) {
      this(by, null, replyTo);
    }
  }

  public record Retry(String by, Origin origin, ActorRef<StatusReply<Execution>> replyTo)
      implements Command, OrdoSerializable {
    public Retry(String by, ActorRef<StatusReply<Execution>> replyTo) {
      this(by, null, replyTo);
    }
  }

  /**
   * Answers with the execution once it has ended (at once if it has). The answer is not
   * durable: a caller that times out, or whose execution moves to another node, asks again.
   */
  public record AwaitEnd(ActorRef<StatusReply<Execution>> replyTo)
      implements Command, OrdoSerializable {}

  /** From the wake-up poller: fire what is due, recover what was running, say when next. */
  public record WakeUp(ActorRef<WakeUpReply> replyTo) implements Command, OrdoSerializable {}

  record StepFinished(String stepId, Integer item, int attempt, StepOutcome outcome)
      implements Command {}

  record StepActorStopped(String stepId, Integer item, int attempt) implements Command {}

  record TimerFired() implements Command {}

  record PassivateNow() implements Command {}

  record DefinitionReady(CompiledWorkflow workflow) implements Command {}

  record DefinitionFailed(String reason) implements Command {}

  record RetryDefinition() implements Command {}

  private final String executionId;
  private final ExecutionServices services;
  private final ExecutionRuntime runtime;
  private final ActorContext<Command> ctx;
  private final LiveEvents live;
  private final ExecutionMetrics metrics;

  public static void init(ActorSystem<?> system, ExecutionServices services) {
    ClusterSharding.get(system).init(Entity.of(TYPE_KEY, entity ->
        create(entity.getEntityId(), entity.getShard(), services)));
  }

  public static Behavior<Command> create(String executionId,
      ActorRef<ClusterSharding.ShardCommand> shard, ExecutionServices services) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new ExecutionEntity(executionId,
        services, new ExecutionRuntime(ctx, timers, shard, services), ctx)));
  }

  private ExecutionEntity(String executionId, ExecutionServices services,
      ExecutionRuntime runtime, ActorContext<Command> ctx) {
    super(PersistenceId.of(TYPE_KEY.name(), executionId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2));
    this.executionId = executionId;
    this.services = services;
    this.runtime = runtime;
    this.ctx = ctx;
    this.live = LiveEvents.get(ctx.getSystem());
    this.metrics = OrdoMetrics.get(ctx.getSystem()).executions();
    metrics.entityStarted();
  }

  @Override
  public ExecutionState emptyState() {
    return ExecutionState.NOT_STARTED;
  }

  @Override
  public CommandHandlerWithReply<Command, ExecutionEvent, ExecutionState> commandHandler() {
    var builder = newCommandHandlerWithReplyBuilder();
    builder.forStateType(ExecutionState.NotStarted.class)
        .onCommand(Start.class, this::onStart)
        .onCommand(Get.class, (s, c) -> notFound(c.replyTo()))
        .onCommand(Cancel.class, (s, c) -> notFound(c.replyTo()))
        .onCommand(Signal.class, (s, c) -> notFound(c.replyTo()))
        .onCommand(Pause.class, (s, c) -> notFound(c.replyTo()))
        .onCommand(Resume.class, (s, c) -> notFound(c.replyTo()))
        .onCommand(Retry.class, (s, c) -> notFound(c.replyTo()))
        .onCommand(AwaitEnd.class, (s, c) -> notFound(c.replyTo()))
        .onCommand(WakeUp.class, (s, c) -> Effect().reply(c.replyTo(), runtime.wakeUpReply(s)));
    builder.forStateType(Execution.class)
        .onCommand(Start.class, (s, c) -> Effect().reply(c.replyTo(),
            StatusReply.success(new StartReply(s.executionId(), s.status(), false))))
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), StatusReply.success(s)))
        .onCommand(Cancel.class, this::onCancel)
        .onCommand(Signal.class, this::onSignal)
        .onCommand(Pause.class, this::onPause)
        .onCommand(Resume.class, this::onResume)
        .onCommand(Retry.class, this::onRetry)
        .onCommand(AwaitEnd.class, this::onAwaitEnd)
        .onCommand(WakeUp.class, this::onWakeUp)
        .onCommand(StepFinished.class, this::onStepFinished)
        .onCommand(StepActorStopped.class, this::onStepActorStopped)
        .onCommand(TimerFired.class, this::onTimerFired);
    builder.forAnyState()
        .onCommand(PassivateNow.class, (s, c) -> {
          runtime.passivate();
          return Effect().noReply();
        })
        .onCommand(DefinitionReady.class, this::onDefinitionReady)
        .onCommand(DefinitionFailed.class, this::onDefinitionFailed)
        .onCommand(RetryDefinition.class, (s, c) -> {
          if (s instanceof Execution ex && !runtime.hasWorkflow()) {
            runtime.loadWorkflow(ex);
          }
          return Effect().noReply();
        })
        // Internal messages that outlived their execution's start or end mean nothing.
        .onAnyCommand((s, c) -> Effect().noReply());
    return builder.build();
  }

  private ReplyEffect<ExecutionEvent, ExecutionState> onStart(ExecutionState.NotStarted s,
      Start cmd) {
    StartRequest request = cmd.request();
    if (!executionId.equals(request.executionId())) {
      return Effect().reply(cmd.replyTo(), StatusReply.error(Rejections.of(Kind.UNPROCESSABLE,
          "start for " + request.executionId() + " sent to " + executionId)));
    }
    CompiledWorkflow workflow;
    try {
      workflow = services.definitions().compile(request.workflow(), request.definition());
    } catch (IllegalArgumentException e) {
      return Effect().reply(cmd.replyTo(),
          StatusReply.error(Rejections.of(Kind.UNPROCESSABLE, e.getMessage())));
    }
    List<String> unsupported = StepSupport.unsupported(workflow.definition(), services.handlers());
    if (!unsupported.isEmpty()) {
      return Effect().reply(cmd.replyTo(), StatusReply.error(Rejections.of(Kind.UNPROCESSABLE,
          String.join("; ", unsupported))));
    }
    runtime.useWorkflow(workflow);
    Instant now = runtime.now();
    var timeout = workflow.definition().timeout();
    var started = new ExecutionStarted(executionId, request.workflow().workspaceId(),
        request.workflow().workflowId(), request.workflow().version(), request.input(),
        request.triggeredBy(), request.idempotencyKey(), timeout == null ? null : now.plus(timeout),
        now, request.parent(), request.origin());
    Decision decision = runtime.decider().start(started);
    return decided(decision)
        .thenReply(cmd.replyTo(), state -> StatusReply.success(
            new StartReply(executionId, ((Execution) state).status(), true)));
  }

  private ReplyEffect<ExecutionEvent, ExecutionState> onCancel(Execution s, Cancel cmd) {
    if (s.status() == ExecutionStatus.CANCELLED) {
      return Effect().reply(cmd.replyTo(), StatusReply.success(s));
    }
    if (s.isEnded()) {
      return Effect().reply(cmd.replyTo(), StatusReply.error(Rejections.of(Kind.CONFLICT,
          "execution " + executionId + " already ended as " + s.status())));
    }
    if (!runtime.hasWorkflow()) {
      return Effect().stash();
    }
    Decision decision = runtime.decider().cancel(s, cmd.by(), cmd.reason(), runtime.now());
    return decided(decision, cmd.origin())
        .thenReply(cmd.replyTo(), state -> StatusReply.success((Execution) state));
  }

  private ReplyEffect<ExecutionEvent, ExecutionState> onSignal(Execution s, Signal cmd) {
    if (s.isEnded()) {
      return Effect().reply(cmd.replyTo(), StatusReply.error(ended(s, "take a signal")));
    }
    if (!runtime.hasWorkflow()) {
      return Effect().stash();
    }
    Decision decision = runtime.decider().signal(s, cmd.name(), cmd.payload(), runtime.now());
    var received = (ExecutionEvent.SignalReceived) decision.events().get(0);
    return decided(decision, cmd.origin())
        .thenReply(cmd.replyTo(), state -> StatusReply.success(new SignalReply(executionId,
            received.stepId(), received.item(), ((Execution) state).status())));
  }

  private ReplyEffect<ExecutionEvent, ExecutionState> onPause(Execution s, Pause cmd) {
    if (s.status() == ExecutionStatus.PAUSED) {
      return Effect().reply(cmd.replyTo(), StatusReply.success(s));
    }
    if (s.status() != ExecutionStatus.RUNNING) {
      return Effect().reply(cmd.replyTo(), StatusReply.error(ended(s, "be paused")));
    }
    return withWorkflow(cmd.replyTo(), cmd.origin(),
        () -> runtime.decider().pause(s, cmd.by(), runtime.now()));
  }

  private ReplyEffect<ExecutionEvent, ExecutionState> onResume(Execution s, Resume cmd) {
    if (s.status() == ExecutionStatus.RUNNING) {
      return Effect().reply(cmd.replyTo(), StatusReply.success(s));
    }
    if (s.status() != ExecutionStatus.PAUSED) {
      return Effect().reply(cmd.replyTo(), StatusReply.error(ended(s, "be resumed")));
    }
    return withWorkflow(cmd.replyTo(), cmd.origin(),
        () -> runtime.decider().resume(s, cmd.by(), runtime.now()));
  }

  private ReplyEffect<ExecutionEvent, ExecutionState> onRetry(Execution s, Retry cmd) {
    if (s.status() != ExecutionStatus.FAILED && s.status() != ExecutionStatus.TIMED_OUT) {
      return Effect().reply(cmd.replyTo(), StatusReply.error(Rejections.of(Kind.CONFLICT,
          "only a FAILED or TIMED_OUT execution can be retried; " + executionId + " is "
              + s.status())));
    }
    return withWorkflow(cmd.replyTo(), cmd.origin(),
        () -> runtime.decider().retry(s, cmd.by(), runtime.now()));
  }

  private ReplyEffect<ExecutionEvent, ExecutionState> onAwaitEnd(Execution s, AwaitEnd cmd) {
    if (s.isEnded()) {
      return Effect().reply(cmd.replyTo(), StatusReply.success(s));
    }
    runtime.awaitEnd(cmd.replyTo());
    return Effect().noReply();
  }

  /** Decides once the definition is at hand (stashing until it is), persists, answers the state. */
  private ReplyEffect<ExecutionEvent, ExecutionState> withWorkflow(
      ActorRef<StatusReply<Execution>> replyTo, Origin origin,
      java.util.function.Supplier<Decision> decide) {
    if (!runtime.hasWorkflow()) {
      return Effect().stash();
    }
    return decided(decide.get(), origin)
        .thenReply(replyTo, state -> StatusReply.success((Execution) state));
  }

  private String ended(Execution s, String what) {
    return Rejections.of(Kind.CONFLICT, "execution " + executionId + " is " + s.status()
        + " and cannot " + what);
  }

  private ReplyEffect<ExecutionEvent, ExecutionState> onWakeUp(Execution s, WakeUp cmd) {
    if (s.isEnded()) {
      return Effect().reply(cmd.replyTo(), runtime.wakeUpReply(s));
    }
    if (!runtime.hasWorkflow()) {
      return Effect().stash();
    }
    return decided(runtime.decider().advance(s, runtime.now()))
        .thenReply(cmd.replyTo(), runtime::wakeUpReply);
  }

  private ReplyEffect<ExecutionEvent, ExecutionState> onStepFinished(Execution s,
      StepFinished cmd) {
    if (!runtime.hasWorkflow()) {
      return Effect().stash();
    }
    return decided(runtime.decider().onOutcome(s, cmd.stepId(), cmd.item(), cmd.attempt(),
        cmd.outcome(), runtime.now())).thenNoReply();
  }

  private ReplyEffect<ExecutionEvent, ExecutionState> onStepActorStopped(Execution s,
      StepActorStopped cmd) {
    if (!runtime.hasWorkflow()
        || !runtime.isCurrentAttempt(s, cmd.stepId(), cmd.item(), cmd.attempt())) {
      return Effect().noReply();
    }
    var crashed = StepOutcome.Failed.of(ErrorClasses.STEP_CRASHED,
        "the step actor stopped before reporting a result", true);
    return decided(runtime.decider().onOutcome(s, cmd.stepId(), cmd.item(), cmd.attempt(),
        crashed, runtime.now())).thenNoReply();
  }

  private ReplyEffect<ExecutionEvent, ExecutionState> onTimerFired(Execution s, TimerFired cmd) {
    if (!runtime.hasWorkflow()) {
      return Effect().stash();
    }
    runtime.timerFired();
    return decided(runtime.decider().advance(s, runtime.now())).thenNoReply();
  }

  private ReplyEffect<ExecutionEvent, ExecutionState> onDefinitionReady(ExecutionState s,
      DefinitionReady cmd) {
    runtime.useWorkflow(cmd.workflow());
    return Effect().none().thenRun(runtime::reconcile).thenNoReply().thenUnstashAll();
  }

  private ReplyEffect<ExecutionEvent, ExecutionState> onDefinitionFailed(ExecutionState s,
      DefinitionFailed cmd) {
    ctx.getLog().warn("Execution {} cannot load its definition, retrying: {}", executionId,
        cmd.reason());
    ctx.scheduleOnce(Duration.ofSeconds(2), ctx.getSelf(), new RetryDefinition());
    return Effect().noReply();
  }

  /** Persists what was decided (if anything), then brings the side effects in line. */
  private org.apache.pekko.persistence.typed.javadsl.EffectBuilder<ExecutionEvent, ExecutionState>
      decided(Decision decision) {
    return decided(decision, null);
  }

  /** The same, the events a command caused attributed to its {@code origin} for the audit. */
  private org.apache.pekko.persistence.typed.javadsl.EffectBuilder<ExecutionEvent, ExecutionState>
      decided(Decision decision, Origin origin) {
    if (decision.isEmpty()) {
      return Effect().none().thenRun(runtime::reconcile);
    }
    var events = new ArrayList<>(Origin.attribute(decision.events(), origin));
    runtime.parked(decision.state()).ifPresent(events::add);
    return persist(events).thenRun(runtime::reconcile);
  }

  /**
   * Persists events, then publishes them for live timelines on every node (before anything else
   * reacts, to keep the delay from write to delivery short).
   */
  private org.apache.pekko.persistence.typed.javadsl.EffectBuilder<ExecutionEvent, ExecutionState>
      persist(List<ExecutionEvent> events) {
    long decidedAt = System.nanoTime();
    return Effect().persist(events)
        .thenRun(state -> {
          live.publish(executionId, lastSequenceNumber(ctx), events);
          if (state instanceof Execution e) {
            metrics.persisted(e.workflowId(), e.startedAt(), events,
                System.nanoTime() - decidedAt);
          }
        });
  }

  private <T> ReplyEffect<ExecutionEvent, ExecutionState> notFound(ActorRef<StatusReply<T>> to) {
    runtime.passivateIn(services.settings().passivateAfterEnd());
    return Effect().reply(to, StatusReply.error(Rejections.of(Kind.NOT_FOUND,
        "no execution " + executionId)));
  }

  @Override
  public EventHandler<ExecutionState, ExecutionEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(EventApplier::apply);
  }

  @Override
  public SignalHandler<ExecutionState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), this::onRecovered)
        // Not PreRestart: a persist-failure restart re-runs only Pekko's inner behavior, not
        // this constructor, so the entity stays (and stays counted) in memory.
        .onSignal(PostStop.instance(), state -> metrics.entityStopped())
        .build();
  }

  private void onRecovered(ExecutionState state) {
    if (state instanceof Execution ex && !ex.isEnded() && !runtime.hasWorkflow()) {
      runtime.loadWorkflow(ex);
      return;
    }
    runtime.reconcile(state);
  }

  @Override
  public Set<String> tagsFor(ExecutionEvent event) {
    return Set.of(ExecutionTags.tag(executionId, services.settings().tagBuckets()));
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(services.settings().snapshotEvery(), 2);
  }
}
