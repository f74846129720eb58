package io.ordo.http;

import io.ordo.engine.runtime.audit.Caller;
import io.ordo.http.problems.Problems;
import io.ordo.http.routes.ApiResource;
import io.ordo.http.routes.HealthRoutes;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The whole HTTP surface: every request gets a correlation id (the caller's
 * {@code X-Request-Id} or a new one, echoed back), a body size limit, and errors as problem+json.
 */
public final class OrdoApi extends AllDirectives {

  public static final String REQUEST_ID = "X-Request-Id";

  private final HttpSettings settings;
  private final HealthRoutes health;
  private final List<ApiResource> resources;

  public OrdoApi(HttpSettings settings, HealthRoutes health, List<ApiResource> resources) {
    this.settings = settings;
    this.health = health;
    this.resources = List.copyOf(resources);
  }

  public Route routes() {
    return optionalHeaderValueByName(REQUEST_ID, given -> {
      String requestId = given.filter(id -> !id.isBlank() && id.length() <= 128)
          .orElseGet(() -> UUID.randomUUID().toString());
      return respondWithHeader(RawHeader.create(REQUEST_ID, requestId), () ->
          handleExceptions(Problems.exceptions(requestId), () ->
              handleRejections(Problems.rejections(requestId, settings.maxBodyBytes()), () ->
                  withSizeLimit(settings.maxBodyBytes(), () -> concat(
                      health.routes(),
                      pathPrefix("api", () -> pathPrefix("v1", () -> api(requestId))))))));
    });
  }

  private Route api(String requestId) {
    // Until API keys exist every request acts in the default workspace (SPEC §5, security).
    Caller caller = Caller.anonymous(requestId);
    Route[] routes = resources.stream().map(r -> r.routes(caller)).toArray(Route[]::new);
    return concat(routes[0], Arrays.copyOfRange(routes, 1, routes.length));
  }
}
