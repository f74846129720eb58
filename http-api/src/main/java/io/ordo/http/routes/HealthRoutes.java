package io.ordo.http.routes;

import io.ordo.http.service.ReadinessProbe;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/** {@code /health} (the process is alive) and {@code /health/ready} (it can serve requests). */
public final class HealthRoutes extends ApiRoutes {

  private final ReadinessProbe readiness;

  public HealthRoutes(ReadinessProbe readiness) {
    this.readiness = readiness;
  }

  public Route routes() {
    return pathPrefix("health", () -> concat(
        pathEnd(() -> get(() -> json(StatusCodes.OK, Map.of("status", "UP")))),
        path("ready", () -> get(() -> onSuccess(readiness.check(), r -> json(
            r.ready() ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE,
            Map.of("status", r.ready() ? "UP" : "DOWN", "checks", r.checks())))))));
  }
}
