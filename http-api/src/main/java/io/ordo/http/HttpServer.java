package io.ordo.http;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Binds the API. On coordinated shutdown the binding stops accepting connections first and
 * in-flight requests get the shutdown deadline to finish.
 */
public final class HttpServer {

  private HttpServer() {}

  public static CompletionStage<ServerBinding> start(ActorSystem<?> system, HttpSettings settings,
      Route route) {
    return Http.get(system).newServerAt(settings.host(), settings.port()).bind(route)
        .thenApply(binding -> binding.addToCoordinatedShutdown(settings.shutdownDeadline(),
            system));
  }
}
