package io.ordo.http;

import io.ordo.engine.runtime.audit.Caller;
import io.ordo.http.problems.Problems;
import io.ordo.http.routes.ApiResource;
import io.ordo.http.routes.HealthRoutes;
import io.ordo.http.routes.OpenApiRoutes;
import io.ordo.http.telemetry.MetricsRoutes;
import io.ordo.http.telemetry.RequestTelemetry;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The whole HTTP surface: every request gets a correlation id (the caller's
 * {@code X-Request-Id} or a new one, echoed back), a body size limit, errors as problem+json
 * (including the server's request timeout), a latency timer and an access log line.
 */
public final class OrdoApi extends AllDirectives {

  public static final String REQUEST_ID = "X-Request-Id";

  private final HttpSettings settings;
  private final HealthRoutes health;
  private final List<ApiResource> resources;
  private final RequestTelemetry telemetry;
  private final MetricsRoutes metrics;
  private final OpenApiRoutes openApi = new OpenApiRoutes();

  public OrdoApi(HttpSettings settings, HealthRoutes health, List<ApiResource> resources,
      RequestTelemetry telemetry, MetricsRoutes metrics) {
    this.settings = settings;
    this.health = health;
    this.resources = List.copyOf(resources);
    this.telemetry = telemetry;
    this.metrics = metrics;
  }

  public Route routes() {
    return optionalHeaderValueByName(REQUEST_ID, given -> {
      String requestId = given.filter(id -> !id.isBlank() && id.length() <= 128)
          .orElseGet(() -> UUID.randomUUID().toString());
      return respondWithHeader(RawHeader.create(REQUEST_ID, requestId), () ->
          withRequestTimeoutResponse(request -> Problems.timedOut(requestId), () ->
          telemetry.around(requestId, () ->
          handleExceptions(Problems.exceptions(requestId), () ->
              handleRejections(Problems.rejections(requestId, settings.maxBodyBytes()), () ->
                  withSizeLimit(settings.maxBodyBytes(), () -> concat(
                      health.routes(),
                      metrics.routes(),
                      openApi.routes(),
                      pathPrefix("api", () -> pathPrefix("v1", () -> api(requestId))))))))));
    });
  }

  private Route api(String requestId) {
    // Until API keys exist every request acts in the default workspace (SPEC §5, security).
    Caller caller = Caller.anonymous(requestId);
    Route[] routes = resources.stream().map(r -> r.routes(caller)).toArray(Route[]::new);
    return concat(routes[0], Arrays.copyOfRange(routes, 1, routes.length));
  }
}
