package io.ordo.http.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Times every request ({@code http.server.requests}, by method, route template and status) and
 * writes one access log line per request, carrying the request id in the MDC so JSON logs have
 * it as a field. Health checks and metric scrapes log at debug: they arrive every few seconds
 * and would drown the rest. The duration is to the response's headers; a live event stream
 * counts as answered once it starts.
 */
public final class RequestTelemetry extends AllDirectives {

  private static final Logger ACCESS = LoggerFactory.getLogger("io.ordo.http.access");

  private final MeterRegistry registry;
  private final boolean accessLog;

  public RequestTelemetry(MeterRegistry registry, boolean accessLog) {
    this.registry = registry;
    this.accessLog = accessLog;
  }

  public Route around(String requestId, Supplier<Route> inner) {
    return extractRequest(request -> {
      long start = System.nanoTime();
      return mapResponse(response -> {
        record(request, response, requestId, System.nanoTime() - start);
        return response;
      }, inner);
    });
  }

  private void record(HttpRequest request, HttpResponse response, String requestId,
      long nanos) {
    String path = request.getUri().path();
    String route = RouteTemplates.of(path);
    String method = request.method().value();
    int status = response.status().intValue();
    Timer.builder("http.server.requests")
        .description("HTTP requests, to the response's headers")
        .tags("method", method, "route", route, "status", Integer.toString(status))
        .publishPercentileHistogram()
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
    if (!accessLog) {
      return;
    }
    boolean routine = route.startsWith("/health") || route.equals("/metrics");
    if (routine ? !ACCESS.isDebugEnabled() : !ACCESS.isInfoEnabled()) {
      return;
    }
    long micros = nanos / 1_000;
    try (var id = MDC.putCloseable("requestId", requestId);
        var m = MDC.putCloseable("httpMethod", method);
        var r = MDC.putCloseable("httpRoute", route);
        var s = MDC.putCloseable("httpStatus", Integer.toString(status));
        var d = MDC.putCloseable("durationMs", Double.toString(micros / 1000.0))) {
      String line = "{} {} -> {} in {} ms [{}]";
      Object[] args = {method, path, status, micros / 1000.0, requestId};
      if (routine) {
        ACCESS.debug(line, args);
      } else {
        ACCESS.info(line, args);
      }
    }
  }
}
