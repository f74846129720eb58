package io.ordo.http.routes;

import io.ordo.engine.runtime.audit.Caller;
import io.ordo.http.service.BreakerService;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/** {@code /api/v1/circuit-breakers}: the breakers' shared state, configuration and reset. */
public final class BreakerRoutes extends ApiRoutes implements ApiResource {

  private final BreakerService breakers;

  public BreakerRoutes(BreakerService breakers) {
    this.breakers = breakers;
  }

  public Route routes(Caller caller) {
    return pathPrefix("circuit-breakers", () -> concat(
        pathEnd(() -> get(() -> json(StatusCodes.OK, Map.of("items", breakers.list(caller))))),
        pathPrefix(PathMatchers.segment(), id -> concat(
            pathEnd(() -> concat(
                get(() -> json(StatusCodes.OK, breakers.get(caller, id))),
                put(() -> jsonBody(caller.correlationId(), body -> onSuccessJson(
                    breakers.configure(caller, id, body), StatusCodes.OK, view -> view))))),
            path("reset", () -> post(() -> onSuccessJson(breakers.reset(caller, id),
                StatusCodes.OK, view -> view)))))));
  }
}
