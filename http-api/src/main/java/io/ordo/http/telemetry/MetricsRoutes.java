package io.ordo.http.telemetry;

import io.ordo.engine.runtime.metrics.OrdoMetrics;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.util.ByteString;

/**
 * {@code GET /metrics} in the Prometheus text format. A scrape reads the projection offsets from
 * the database, so it runs on the blocking dispatcher, not on the HTTP threads.
 */
public final class MetricsRoutes extends AllDirectives {

  private static final ContentType PROMETHEUS =
      ContentTypes.parse("text/plain; version=0.0.4; charset=utf-8");

  private final OrdoMetrics metrics;
  private final Executor blocking;

  public MetricsRoutes(ActorSystem<?> system) {
    this.metrics = OrdoMetrics.get(system);
    this.blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
  }

  public Route routes() {
    return path("metrics", () -> get(() -> completeWithFuture(
        CompletableFuture.supplyAsync(metrics::scrape, blocking)
            .thenApply(text -> HttpResponse.create()
                .withEntity(HttpEntities.create(PROMETHEUS, ByteString.fromString(text)))))));
  }
}
