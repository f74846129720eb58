package io.ordo.http.service;

import io.ordo.engine.runtime.agents.AgentAccess;
import io.ordo.engine.runtime.agents.AgentHealth;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.settings.ConnectionPoolSettings;

/**
 * Calls an agent's health path once, with its credentials: UP when it answers 2xx, DOWN with a
 * human detail otherwise (another status, refused, unknown host, no answer in time). The entity
 * is discarded unread. The detail never carries credentials: it is built from the status or the
 * failure's message, and any secret header value found there is masked all the same.
 */
public final class AgentHealthCheck {

  private static final int MAX_DETAIL = 500;

  private final ActorSystem<?> system;
  private final Duration timeout;
  private final Clock clock;
  // One attempt per check: the pool's retries would hide a refused connection behind a timeout.
  private final ConnectionPoolSettings pool;

  public AgentHealthCheck(ActorSystem<?> system, Duration timeout, Clock clock) {
    this.system = system;
    this.timeout = timeout;
    this.clock = clock;
    this.pool = ConnectionPoolSettings.create(system.settings().config()).withMaxRetries(0);
  }

  public CompletionStage<AgentHealth> check(AgentAccess access) {
    Map<String, String> headers = access.authHeaders();
    List<String> secrets = new ArrayList<>(headers.values());
    if (access.auth().secret() != null) {
      secrets.add(access.auth().secret());
    }
    HttpRequest request = HttpRequest.GET(access.agent().healthUrl());
    for (var header : headers.entrySet()) {
      request = request.addHeader(RawHeader.create(header.getKey(), header.getValue()));
    }
    long started = System.nanoTime();
    CompletableFuture<HttpResponse> call;
    try {
      Http http = Http.get(system);
      call = http.singleRequest(request, http.defaultClientHttpsContext(), pool,
          system.classicSystem().log()).toCompletableFuture();
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    // Discarded whenever the answer comes, even after the timeout, so the connection is freed.
    call.thenAccept(response -> response.discardEntityBytes(system));
    return call
        .thenApply(response -> {
          long latency = elapsedMillis(started);
          int status = response.status().intValue();
          boolean up = status >= 200 && status < 300;
          return health(up ? AgentHealth.Status.UP : AgentHealth.Status.DOWN, status, latency,
              "HTTP " + status + " " + response.status().reason()
                  + (up ? "" : " (the health path must answer 2xx)"), secrets);
        })
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .exceptionally(error -> health(AgentHealth.Status.DOWN, null, elapsedMillis(started),
            failure(error), secrets));
  }

  private AgentHealth health(AgentHealth.Status status, Integer httpStatus, long latency,
      String detail, List<String> secrets) {
    String masked = detail;
    for (String secret : secrets) {
      masked = masked.replace(secret, "***");
    }
    if (masked.length() > MAX_DETAIL) {
      masked = masked.substring(0, MAX_DETAIL) + "…";
    }
    return new AgentHealth(status, httpStatus, clock.instant(), latency, masked);
  }

  private String failure(Throwable error) {
    Throwable e = error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
    if (e instanceof TimeoutException) {
      return "no answer within " + timeout.toMillis() + " ms";
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (root instanceof UnknownHostException || e instanceof UnknownHostException) {
      return "unknown host: " + root.getMessage();
    }
    if (root instanceof ConnectException || message.contains("Connection refused")) {
      return "cannot connect: connection refused";
    }
    return "cannot connect: " + (root.getMessage() == null ? root.getClass().getSimpleName()
        : root.getMessage());
  }

  private static long elapsedMillis(long startedNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }
}
