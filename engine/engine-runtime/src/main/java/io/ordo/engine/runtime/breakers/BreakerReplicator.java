package io.ordo.engine.runtime.breakers;

import java.time.Duration;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.ddata.Key;
import org.apache.pekko.cluster.ddata.LWWMap;
import org.apache.pekko.cluster.ddata.LWWMapKey;
import org.apache.pekko.cluster.ddata.SelfUniqueAddress;
import org.apache.pekko.cluster.ddata.typed.javadsl.DistributedData;
import org.apache.pekko.cluster.ddata.typed.javadsl.Replicator;

/**
 * Shares breaker transitions across the cluster through Pekko Distributed Data: one
 * last-writer-wins map from breaker id to state. A node publishes its own transitions with
 * majority writes (they are rare, and should be seen everywhere at once) and adopts every state
 * it is told about.
 */
final class BreakerReplicator {

  sealed interface Command {}

  record Publish(BreakerState state) implements Command {}

  private record Changed(LWWMap<String, BreakerState> map) implements Command {}

  private record Written(Replicator.UpdateResponse<LWWMap<String, BreakerState>> response)
      implements Command {}

  static final Key<LWWMap<String, BreakerState>> KEY = LWWMapKey.create("ordo-breakers");

  private BreakerReplicator() {}

  static ActorRef<Command> start(ActorSystem<?> system, Duration writeTimeout,
      Consumer<BreakerState> adopt) {
    return system.systemActorOf(create(writeTimeout, adopt), "ordo-breaker-replicator",
        org.apache.pekko.actor.typed.Props.empty());
  }

  private static Behavior<Command> create(Duration writeTimeout, Consumer<BreakerState> adopt) {
    return Behaviors.setup(ctx -> DistributedData.withReplicatorMessageAdapter(
        (org.apache.pekko.cluster.ddata.typed.javadsl.ReplicatorMessageAdapter<Command,
            LWWMap<String, BreakerState>> replicator) -> {
          SelfUniqueAddress self = DistributedData.get(ctx.getSystem()).selfUniqueAddress();
          replicator.subscribe(KEY, response -> new Changed(
              response instanceof Replicator.Changed<LWWMap<String, BreakerState>> changed
                  ? changed.get(KEY) : LWWMap.create()));
          return Behaviors.receive(Command.class)
              .onMessage(Publish.class, p -> {
                replicator.askUpdate(replyTo -> new Replicator.Update<>(KEY, LWWMap.create(),
                        new Replicator.WriteMajority(writeTimeout), replyTo,
                        map -> map.put(self, p.state().id(), p.state())),
                    Written::new);
                return Behaviors.same();
              })
              .onMessage(Changed.class, c -> {
                c.map().getEntries().values().forEach(adopt);
                return Behaviors.same();
              })
              .onMessage(Written.class, w -> {
                if (!(w.response() instanceof Replicator.UpdateSuccess)) {
                  // The transition holds here and spreads by gossip; majority was not reached.
                  ctx.getLog().warn("Breaker transition not confirmed by a majority: {}",
                      w.response());
                }
                return Behaviors.same();
              })
              .build();
        }));
  }
}
