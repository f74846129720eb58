package io.ordo.http.service;

import io.ordo.engine.runtime.db.Jdbc;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;

/** Whether this node can serve: its database answers and it is an Up member of the cluster. */
public final class ReadinessProbe {

  /** The verdict and each check's state. */
  public record Readiness(boolean ready, Map<String, String> checks) {}

  private final ActorSystem<?> system;
  private final Jdbc jdbc;

  public ReadinessProbe(ActorSystem<?> system, Jdbc jdbc) {
    this.system = system;
    this.jdbc = jdbc;
  }

  public CompletionStage<Readiness> check() {
    MemberStatus status = Cluster.get(system).selfMember().status();
    boolean member = status == MemberStatus.up() || status == MemberStatus.weaklyUp();
    return database().thenApply(db -> {
      var checks = new LinkedHashMap<String, String>();
      checks.put("database", db ? "UP" : "DOWN");
      checks.put("cluster", member ? "UP" : status.toString().toUpperCase());
      return new Readiness(db && member, checks);
    });
  }

  private CompletionStage<Boolean> database() {
    return jdbc.query(c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
        return rs.next();
      }
    }).toCompletableFuture().completeOnTimeout(false, 2, TimeUnit.SECONDS)
        .exceptionally(error -> false);
  }

}
