package io.ordo.node;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.StreamSupport;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.PrepareForFullClusterShutdown;

/**
 * When the last member of a cluster stops there is nobody to hand shards to. Without telling
 * sharding so, its regions wait out their whole graceful-shutdown timeout (10 s) on messages they
 * can never deliver; preparing for a full cluster shutdown makes them stop at once.
 */
final class LastMemberShutdown {

  private static final Duration WAIT = Duration.ofSeconds(3);

  private LastMemberShutdown() {}

  static void register(ActorSystem<?> system) {
    CoordinatedShutdown.get(Adapter.toClassic(system)).addTask(
        CoordinatedShutdown.PhaseBeforeServiceUnbind(), "ordo-last-member-shutdown",
        () -> prepareIfLast(system));
  }

  private static CompletionStage<Done> prepareIfLast(ActorSystem<?> system) {
    Cluster cluster = Cluster.get(system);
    long others = StreamSupport.stream(cluster.state().getMembers().spliterator(), false)
        .filter(m -> !m.equals(cluster.selfMember()))
        .filter(m -> m.status() == MemberStatus.up() || m.status() == MemberStatus.weaklyUp())
        .count();
    if (others > 0 || cluster.selfMember().status() != MemberStatus.up()) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    cluster.manager().tell(PrepareForFullClusterShutdown.prepareForFullClusterShutdown());
    return CompletableFuture.supplyAsync(() -> {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (!preparing(cluster.selfMember().status()) && System.nanoTime() < deadline) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      return Done.getInstance();
    });
  }

  private static boolean preparing(MemberStatus status) {
    return status == MemberStatus.shuttingDown()
        || status == MemberStatus.shutDown();
  }
}
