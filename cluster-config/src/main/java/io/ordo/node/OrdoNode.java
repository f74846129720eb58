package io.ordo.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.ordo.analytics.history.History;
import io.ordo.engine.runtime.Engine;
import io.ordo.http.OrdoHttp;
import io.ordo.node.db.Database;
import io.ordo.node.db.DatabaseSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.AddressFromURIString;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.JoinSeedNodes;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.management.javadsl.PekkoManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Ordo node, the composition root: its database (embedded or external, migrated), an actor
 * system that joins the cluster, the engine, and the HTTP API. Tests start nodes through it
 * exactly as the launcher does.
 */
public final class OrdoNode implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OrdoNode.class);
  public static final String SYSTEM_NAME = "ordo";

  private final ActorSystem<Void> system;
  private final Database database;
  private final Engine engine;
  private final ServerBinding binding;
  private final AtomicBoolean closed = new AtomicBoolean();

  private OrdoNode(ActorSystem<Void> system, Database database, Engine engine,
      ServerBinding binding) {
    this.system = system;
    this.database = database;
    this.engine = engine;
    this.binding = binding;
  }

  public static OrdoNode start() {
    return start(ConfigFactory.empty());
  }

  /** Starts a node; {@code overrides} win over application.conf and the environment. */
  public static OrdoNode start(Config overrides) {
    Config unresolved = NodeConfig.unresolved(overrides);
    Database database = Database.open(DatabaseSettings.from(NodeConfig.resolve(unresolved)));
    ActorSystem<Void> system = null;
    try {
      Config config = NodeConfig.withDatabase(unresolved, database.url(), database.user(),
          database.password());
      system = ActorSystem.create(Behaviors.empty(), SYSTEM_NAME, config);
      LastMemberShutdown.register(system);
      CompletableFuture<Void> up = join(system, NodeConfig.seedNodes(config, SYSTEM_NAME));
      Engine engine = Engine.init(system, database.dataSource());
      History.init(system, engine);
      ServerBinding binding = OrdoHttp.init(system, engine).toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
      startManagement(system, config);
      awaitMembership(up, config.getDuration("ordo.cluster.join-timeout"));
      var node = new OrdoNode(system, database, engine, binding);
      log.info("Ordo node up: HTTP on {}, cluster address {}, {} database{}",
          binding.localAddress(), Cluster.get(system).selfMember().address(),
          database.embedded().isPresent() ? "embedded" : "external",
          database.embedded().map(e -> " in " + e.dataDir().toAbsolutePath()).orElse(""));
      log.warn("No API keys are configured: the API is open, in one default workspace");
      return node;
    } catch (Exception e) {
      if (system != null) {
        system.terminate();
        awaitTermination(system, Duration.ofSeconds(30));
      }
      database.close();
      throw new IllegalStateException("the node did not start: " + e.getMessage(), e);
    }
  }

  /** Joins the cluster; the future completes when this node is an Up member. */
  private static CompletableFuture<Void> join(ActorSystem<?> system, List<String> seeds) {
    var up = new CompletableFuture<Void>();
    org.apache.pekko.cluster.Cluster.get(Adapter.toClassic(system))
        .registerOnMemberUp(() -> up.complete(null));
    Cluster cluster = Cluster.get(system);
    if (seeds.isEmpty()) {
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    } else {
      List<Address> addresses = seeds.stream().map(AddressFromURIString::parse).toList();
      cluster.manager().tell(new JoinSeedNodes(addresses));
    }
    return up;
  }

  private static void startManagement(ActorSystem<?> system, Config config) throws Exception {
    if (config.getInt("ordo.management.port") > 0) {
      var uri = PekkoManagement.get(Adapter.toClassic(system)).start().toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
      log.info("Pekko Management (probes /alive, /ready; /cluster/members) on {}", uri);
    }
  }

  /**
   * A node is started once it is a cluster member: its shard regions have registered, so it can
   * serve executions (and hand them over when stopped). A node whose seeds are not reachable yet
   * carries on and joins when they are; readiness says so meanwhile.
   */
  private static void awaitMembership(CompletableFuture<Void> up, Duration timeout)
      throws InterruptedException, ExecutionException {
    try {
      up.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn("Not a cluster member after {}; still trying to join", timeout);
    }
  }

  public ActorSystem<Void> system() {
    return system;
  }

  public Engine engine() {
    return engine;
  }

  public Database database() {
    return database;
  }

  public int httpPort() {
    return binding.localAddress().getPort();
  }

  /**
   * Leaves the cluster through coordinated shutdown (the HTTP port closes first, shards hand
   * off), then closes the database. Safe to call more than once, and from a JVM shutdown hook.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    system.terminate();
    awaitTermination(system, Duration.ofSeconds(60));
    database.close();
  }

  private static void awaitTermination(ActorSystem<?> system, Duration timeout) {
    try {
      system.getWhenTerminated().toCompletableFuture().get(timeout.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      log.warn("The actor system did not terminate within {}", timeout);
    }
  }
}
