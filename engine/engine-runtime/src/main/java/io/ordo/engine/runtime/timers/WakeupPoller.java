package io.ordo.engine.runtime.timers;

import io.ordo.engine.runtime.EngineSettings;
import io.ordo.engine.runtime.db.Jdbc;
import io.ordo.engine.runtime.execution.ExecutionEntity;
import io.ordo.engine.runtime.execution.WakeUpReply;
import io.ordo.engine.runtime.timers.WakeupStore.Answer;
import io.ordo.engine.runtime.timers.WakeupStore.Due;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * Wakes the executions of one tag bucket whose wake-up time has come, whichever node (if any)
 * holds them: a due timer fires, a step whose node died is re-dispatched, and each execution says
 * when it next needs waking. One poller per bucket runs somewhere in the cluster. When it starts,
 * and whenever a node leaves, it first makes every running execution of its bucket due, so work
 * on a lost node resumes at once rather than after the liveness interval.
 */
public final class WakeupPoller {

  public static final String NAME = "wakeup-poller";

  /** The poller's messages. */
  public sealed interface Command {}

  private record Poll() implements Command {}

  private record Sweep() implements Command {}

  private record Polled(List<Due> due) implements Command {}

  private record Answered(List<Answer> answers) implements Command {}

  private record Recorded(int count) implements Command {}

  private record Swept() implements Command {}

  private record Failed(Throwable cause) implements Command {}

  private record Stop() implements Command {}

  private static final String POLL = "poll";

  public static void init(ActorSystem<?> system, EngineSettings settings, Jdbc jdbc, Clock clock) {
    var store = new WakeupStore(jdbc);
    ShardedDaemonProcess.get(system).init(Command.class, NAME, settings.tagBuckets(),
        bucket -> create(bucket, settings, store, clock),
        ShardedDaemonProcessSettings.create(system), Optional.of(new Stop()));
  }

  private static Behavior<Command> create(int bucket, EngineSettings settings, WakeupStore store,
      Clock clock) {
    Behavior<Command> poller = Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      Cluster.get(ctx.getSystem()).subscriptions().tell(Subscribe.create(
          ctx.messageAdapter(ClusterEvent.MemberRemoved.class, removed -> new Sweep()),
          ClusterEvent.MemberRemoved.class));
      ctx.getSelf().tell(new Sweep());
      return new Cycle(bucket, settings, store, clock, ctx, timers).idle();
    }));
    return Behaviors.supervise(poller).onFailure(SupervisorStrategy.restartWithBackoff(
        Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2));
  }

  /** One poll at a time: read what is due, ask each execution, write the answers back. */
  private static final class Cycle {
    private final int bucket;
    private final EngineSettings settings;
    private final WakeupStore store;
    private final Clock clock;
    private final ActorContext<Command> ctx;
    private final TimerScheduler<Command> timers;
    private boolean sweepPending;

    Cycle(int bucket, EngineSettings settings, WakeupStore store, Clock clock,
        ActorContext<Command> ctx, TimerScheduler<Command> timers) {
      this.bucket = bucket;
      this.settings = settings;
      this.store = store;
      this.clock = clock;
      this.ctx = ctx;
      this.timers = timers;
    }

    Behavior<Command> idle() {
      return Behaviors.receive(Command.class)
          .onMessage(Poll.class, p -> poll())
          .onMessage(Sweep.class, s -> sweep())
          .onMessage(Stop.class, s -> Behaviors.stopped())
          .build();
    }

    private Behavior<Command> busy() {
      return Behaviors.receive(Command.class)
          .onMessage(Sweep.class, s -> {
            sweepPending = true;
            return Behaviors.same();
          })
          .onMessage(Poll.class, p -> Behaviors.same())
          .onMessage(Polled.class, this::onPolled)
          .onMessage(Answered.class, this::onAnswered)
          .onMessage(Recorded.class, this::onRecorded)
          .onMessage(Swept.class, s -> poll())
          .onMessage(Failed.class, this::onFailed)
          .onMessage(Stop.class, s -> Behaviors.stopped())
          .build();
    }

    private Behavior<Command> sweep() {
      sweepPending = false;
      ctx.pipeToSelf(store.sweep(bucket, clock.instant()), (n, error) -> error == null
          ? new Swept() : new Failed(error));
      return busy();
    }

    private Behavior<Command> poll() {
      timers.cancel(POLL);
      ctx.pipeToSelf(store.due(bucket, clock.instant(), settings.wakeupBatchSize()),
          (due, error) -> error == null ? new Polled(due) : new Failed(error));
      return busy();
    }

    private Behavior<Command> onPolled(Polled polled) {
      if (polled.due().isEmpty()) {
        return next(false);
      }
      var sharding = ClusterSharding.get(ctx.getSystem());
      var answers = new ArrayList<CompletableFuture<Answer>>();
      for (Due due : polled.due()) {
        CompletionStage<WakeUpReply> reply = sharding
            .entityRefFor(ExecutionEntity.TYPE_KEY, due.executionId())
            .ask(ExecutionEntity.WakeUp::new, settings.askTimeout());
        answers.add(reply.handle((r, error) -> new Answer(due, error == null ? r : null))
            .toCompletableFuture());
      }
      ctx.pipeToSelf(CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)),
          (done, error) -> new Answered(answers.stream().map(CompletableFuture::join).toList()));
      return Behaviors.same();
    }

    private Behavior<Command> onAnswered(Answered answered) {
      ctx.pipeToSelf(store.record(answered.answers(), clock.instant(),
          settings.askTimeout().multipliedBy(2)),
          (n, error) -> error == null ? new Recorded(n) : new Failed(error));
      return Behaviors.same();
    }

    /** A full batch means more may be due: poll again at once. */
    private Behavior<Command> onRecorded(Recorded recorded) {
      return next(recorded.count() >= settings.wakeupBatchSize());
    }

    private Behavior<Command> onFailed(Failed failed) {
      ctx.getLog().warn("Wake-up poller for bucket {} failed, retrying: {}", bucket,
          failed.cause().toString());
      return next(false);
    }

    private Behavior<Command> next(boolean immediately) {
      if (sweepPending) {
        return sweep();
      }
      if (immediately) {
        return poll();
      }
      timers.startSingleTimer(POLL, new Poll(), settings.wakeupPollInterval());
      return idle();
    }
  }
}
