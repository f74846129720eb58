package io.ordo.engine.runtime.breakers;

import io.ordo.engine.runtime.audit.Caller;
import io.ordo.engine.runtime.db.Jdbc;
import io.ordo.engine.runtime.steps.ErrorClasses;
import io.ordo.engine.runtime.steps.StepOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * This node's circuit breakers. Calls are admitted and counted locally, without a hop; every
 * transition (open, half-open, close, reset, new configuration) is shared through
 * {@link BreakerReplicator}, and transitions made elsewhere are adopted here, so the cluster has
 * one state per breaker and a breaker opened by failures seen on one node refuses calls on all.
 */
public final class Breakers implements BreakerGuard {

  private final Map<String, BreakerState> states = new ConcurrentHashMap<>();
  private final Map<String, BreakerConfig> configured = new ConcurrentHashMap<>();
  private final BreakerConfig defaults;
  private final BreakerConfigStore store;
  private final Clock clock;
  private final ActorRef<BreakerReplicator.Command> replicator;

  private Breakers(ActorSystem<?> system, BreakerConfig defaults, Jdbc jdbc, Clock clock) {
    this.defaults = defaults;
    this.store = new BreakerConfigStore(jdbc, clock);
    this.clock = clock;
    this.replicator = BreakerReplicator.start(system, Duration.ofSeconds(3), this::adopt);
  }

  /** Starts this node's breakers with the configurations stored so far. */
  public static Breakers start(ActorSystem<?> system, Jdbc jdbc, Clock clock) throws Exception {
    var breakers = new Breakers(system, BreakerConfig.from(system.settings().config()), jdbc,
        clock);
    breakers.configured.putAll(breakers.store.all().toCompletableFuture()
        .get(30, TimeUnit.SECONDS));
    return breakers;
  }

  @Override
  public CompletionStage<StepOutcome> call(String breakerId,
      Supplier<CompletionStage<StepOutcome>> call) {
    var admission = new AtomicReference<BreakerState.Admission>();
    transition(breakerId, state -> {
      admission.set(state.admit(clock.instant()));
      return admission.get().next();
    });
    BreakerState.Admission admitted = admission.get();
    if (!admitted.allowed()) {
      return java.util.concurrent.CompletableFuture.completedFuture(new StepOutcome.Deferred(
          admitted.retryAt(), "circuit breaker '" + breakerId + "' is open"));
    }
    long started = System.nanoTime();
    Duration callTimeout = state(breakerId).config().callTimeout();
    return call.get().whenComplete((outcome, error) -> {
      if (outcome instanceof StepOutcome.Failed f
          && ErrorClasses.ABORTED.equals(f.error().errorClass())) {
        // We stopped the call ourselves (a cancel, a workflow timeout): nothing about the agent.
        return;
      }
      boolean slow = System.nanoTime() - started > callTimeout.toNanos();
      boolean failed = error != null || slow
          || (outcome instanceof StepOutcome.Failed f && f.error().retryable());
      long generation = admitted.generation();
      transition(breakerId, state -> failed ? state.onFailure(generation, clock.instant())
          : state.onSuccess(generation, clock.instant()));
    });
  }

  /** Every breaker this node knows of, by id. */
  public List<BreakerState> all() {
    return states.values().stream().sorted(Comparator.comparing(BreakerState::id)).toList();
  }

  /** A breaker's state; one never used is CLOSED with its configuration. */
  public BreakerState state(String breakerId) {
    return states.getOrDefault(breakerId, fresh(breakerId));
  }

  public CompletionStage<BreakerState> configure(Caller caller, String breakerId,
      BreakerConfig config) {
    return store.save(caller, breakerId, config).thenApply(saved -> {
      configured.put(breakerId, config);
      return transition(breakerId, state -> state.withConfig(config, clock.instant()));
    });
  }

  public CompletionStage<BreakerState> reset(Caller caller, String breakerId) {
    return store.recordReset(caller, breakerId)
        .thenApply(recorded -> transition(breakerId, state -> state.reset(clock.instant())));
  }

  public BreakerConfig defaults() {
    return defaults;
  }

  /** A state from another node replaces ours when it is newer. */
  void adopt(BreakerState remote) {
    states.merge(remote.id(), remote, (local, incoming) -> isNewer(incoming, local)
        ? incoming : local);
  }

  private BreakerState transition(String breakerId,
      java.util.function.UnaryOperator<BreakerState> change) {
    var before = new AtomicReference<BreakerState>();
    BreakerState after = states.compute(breakerId, (id, current) -> {
      BreakerState state = current != null ? current : fresh(id);
      before.set(state);
      return change.apply(state);
    });
    if (after.generation() != before.get().generation()) {
      replicator.tell(new BreakerReplicator.Publish(after));
    }
    return after;
  }

  private BreakerState fresh(String breakerId) {
    return BreakerState.closed(breakerId, configured.getOrDefault(breakerId, defaults),
        clock.instant());
  }

  private static boolean isNewer(BreakerState a, BreakerState b) {
    int byTime = a.changedAt().compareTo(b.changedAt());
    return byTime > 0 || (byTime == 0 && a.generation() > b.generation());
  }

}
