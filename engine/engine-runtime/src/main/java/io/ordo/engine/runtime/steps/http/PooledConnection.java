package io.ordo.engine.runtime.steps.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.Done;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.settings.ClientConnectionSettings;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.SharedKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.SinkQueueWithCancel;
import org.apache.pekko.stream.javadsl.Source;

/**
 * One HTTP/1.1 connection of {@link ConnectionPool}: a running Pekko HTTP
 * {@code outgoingConnection} stream fed from a queue, used by one call at a time.
 *
 * <p>A kill switch sits on both sides of the connection flow. {@link #abort()} fails the stream
 * through it, which makes Pekko's TCP stage abort the socket (RST), so the server sees the
 * connection go at once: this is what makes a deadline or a cancelled step really stop the
 * call, which Pekko's own host pool cannot do for a request already sent.
 */
final class PooledConnection {

  /** Why an aborted connection's stream failed; never reported to a caller. */
  static final class AbortedException extends RuntimeException {
    AbortedException() {
      super("connection aborted", null, false, false);
    }
  }

  /** The connection had closed before the request could be handed to it: nothing was sent. */
  static final class NotSentException extends IllegalStateException {
    NotSentException() {
      super("the connection had closed before the request was sent");
    }
  }

  private final BoundedSourceQueue<HttpRequest> requests;
  private final SinkQueueWithCancel<HttpResponse> responses;
  private final SharedKillSwitch killSwitch;
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final AtomicInteger uses = new AtomicInteger();
  private long idleSince;

  private PooledConnection(BoundedSourceQueue<HttpRequest> requests,
      SinkQueueWithCancel<HttpResponse> responses, SharedKillSwitch killSwitch,
      CompletionStage<Done> terminated) {
    this.requests = requests;
    this.responses = responses;
    this.killSwitch = killSwitch;
    // The server closed it, or it failed: never hand it out again.
    terminated.whenComplete((done, error) -> open.set(false));
  }

  /** Starts connecting at once; a failure to connect surfaces from the first exchange. */
  static PooledConnection open(Http http, ConnectionPool.Target target,
      ClientConnectionSettings settings, Materializer materializer) {
    var builder = http.connectionTo(target.host()).toPort(target.port())
        .withClientConnectionSettings(settings);
    var flow = target.https() ? builder.https() : builder.http();
    SharedKillSwitch killSwitch = KillSwitches.shared("ordo-http-" + target);
    Pair<Pair<BoundedSourceQueue<HttpRequest>, CompletionStage<Done>>,
        SinkQueueWithCancel<HttpResponse>> materialized = Source.<HttpRequest>queue(1)
        .via(killSwitch.flow())
        .via(flow)
        .via(killSwitch.flow())
        .watchTermination(Pair::create)
        .toMat(Sink.queue(), Keep.both())
        .run(materializer);
    return new PooledConnection(materialized.first().first(), materialized.second(),
        killSwitch, materialized.first().second());
  }

  /**
   * Sends {@code request} and completes with its response, whose entity the caller must consume
   * (or {@link #abort()} the connection) before anything else uses this connection. Fails when
   * the connection fails or closes first.
   */
  CompletionStage<HttpResponse> exchange(HttpRequest request) {
    uses.incrementAndGet();
    if (requests.offer(request) != QueueOfferResult.enqueued()) {
      return CompletableFuture.failedFuture(new NotSentException());
    }
    return responses.pull().thenCompose(response -> response.isPresent()
        ? CompletableFuture.completedFuture(response.get())
        : CompletableFuture.failedFuture(
            new IllegalStateException("the server closed the connection before responding")));
  }

  /** Whether an earlier call used it: a failure may then just mean the server closed it idle. */
  boolean reused() {
    return uses.get() > 1;
  }

  boolean isOpen() {
    return open.get();
  }

  /** Closes the socket at once (TCP reset), whatever is in flight. */
  void abort() {
    open.set(false);
    killSwitch.abort(new AbortedException());
  }

  /** Closes the connection once nothing is in flight. */
  void close() {
    open.set(false);
    requests.complete();
  }

  long idleSince() {
    return idleSince;
  }

  void markIdle(long nanos) {
    idleSince = nanos;
  }
}
