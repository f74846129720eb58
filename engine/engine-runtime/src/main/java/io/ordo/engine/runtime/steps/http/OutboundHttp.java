package io.ordo.engine.runtime.steps.http;

import io.ordo.engine.runtime.steps.http.PooledConnection.NotSentException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.util.ByteString;

/**
 * The outbound HTTP client of the step handlers: pooled keep-alive connections, a deadline per
 * call, a response size limit, nothing blocking.
 *
 * <p><b>How a call is aborted.</b> Pekko HTTP's host connection pool ({@code singleRequest})
 * cannot abort a request once it is on a connection: giving up on its future leaves the request
 * running until the server answers, and the server never learns that nobody waits. So each call
 * runs on a connection of our own {@link ConnectionPool}: a Pekko HTTP {@code outgoingConnection}
 * stream behind a kill switch that the call holds for as long as it runs. At the deadline, or
 * on {@link Exchange#abort()}, the call completes with {@link HttpResult.TimedOut} /
 * {@link HttpResult.Aborted} and aborts that kill switch; the TCP stage then resets the socket,
 * so the server sees its client go (OutboundHttpTest proves it with a TestAgent that records the
 * call as aborted). The connection is dropped, never reused.
 *
 * <p>The response entity is always consumed in full (then the connection goes back to the pool)
 * or its connection is aborted, so nothing is left holding a connection. Redirects are not
 * followed.
 */
public final class OutboundHttp {

  /** A running call: its result to come, and a way to stop it. Abort is idempotent. */
  public record Exchange(CompletionStage<HttpResult> result, Runnable abort) {}

  private final ActorSystem<?> system;
  private final HttpSettings settings;
  private final ConnectionPool pool;
  private final Materializer materializer;

  public OutboundHttp(ActorSystem<?> system, HttpSettings settings) {
    this.system = system;
    this.settings = settings;
    this.pool = new ConnectionPool(system, settings);
    this.materializer = Materializer.matFromSystem(system);
  }

  public HttpSettings settings() {
    return settings;
  }

  /** Starts the call; its deadline runs from now. Never blocks, never throws. */
  public Exchange send(OutboundRequest request, Duration deadline) {
    HttpRequest wire;
    try {
      wire = PekkoRequests.of(request, settings.userAgent());
    } catch (IllegalArgumentException e) {
      return new Exchange(CompletableFuture.completedFuture(
          new HttpResult.Invalid(e.getMessage())), () -> { });
    }
    Call call = new Call(request, wire);
    Cancellable timer = system.scheduler().scheduleOnce(deadline,
        () -> call.stop(new HttpResult.TimedOut(deadline)), system.executionContext());
    call.result.whenComplete((result, error) -> timer.cancel());
    try {
      dispatch(call, false);
    } catch (RuntimeException e) {
      call.stop(new HttpResult.ConnectionFailed(e.getMessage()));
    }
    return new Exchange(call.result, () -> call.stop(new HttpResult.Aborted()));
  }

  /**
   * One call's state; the result is completed once, by whichever comes first. The connection
   * is owned by whoever takes it out of {@code connection}: {@link #stop} to abort it, or the
   * reader to give it back to the pool, never both.
   */
  private static final class Call {
    final OutboundRequest request;
    final HttpRequest wire;
    final ConnectionPool.Target target;
    final CompletableFuture<HttpResult> result = new CompletableFuture<>();
    final AtomicReference<PooledConnection> connection = new AtomicReference<>();

    Call(OutboundRequest request, HttpRequest wire) {
      this.request = request;
      this.wire = wire;
      this.target = new ConnectionPool.Target(request.scheme().equals("https"), request.host(),
          request.port());
    }

    /** Ends the call with {@code outcome} unless it has ended, and aborts its connection. */
    void stop(HttpResult outcome) {
      if (result.complete(outcome)) {
        PooledConnection current = connection.getAndSet(null);
        if (current != null) {
          current.abort();
        }
      }
    }

    /** Makes {@code next} the call's connection; false (and aborts it) if the call has ended. */
    boolean use(PooledConnection next) {
      connection.set(next);
      if (result.isDone()) {
        if (connection.compareAndSet(next, null)) {
          next.abort();
        }
        return false;
      }
      return true;
    }

    /** Takes the connection back from the call; false when {@link #stop} has taken it. */
    boolean release(PooledConnection current) {
      return connection.compareAndSet(current, null);
    }
  }

  private void dispatch(Call call, boolean freshConnection) {
    PooledConnection connection =
        freshConnection ? pool.open(call.target) : pool.acquire(call.target);
    if (!call.use(connection)) {
      return;
    }
    connection.exchange(call.wire)
        .whenComplete((response, error) -> {
          if (error == null) {
            read(call, connection, response);
          } else if (!call.result.isDone() && connection.reused()
              && (unwrap(error) instanceof NotSentException || call.request.idempotent())) {
            // A kept-alive connection the server had just closed: once more, on a new
            // connection, when nothing was sent or the request is idempotent (as Pekko's own
            // pool does). A new connection is never retried, so this happens at most once.
            connection.abort();
            dispatch(call, true);
          } else {
            call.stop(new HttpResult.ConnectionFailed(describe(error)));
          }
        });
  }

  private void read(Call call, PooledConnection connection, HttpResponse response) {
    int status = response.status().intValue();
    response.entity().withSizeLimit(settings.maxResponseBytes()).getDataBytes()
        .runWith(Sink.fold(ByteString.emptyByteString(), ByteString::concat), materializer)
        .whenComplete((bytes, error) -> {
          if (error != null) {
            call.stop(isTooLarge(error)
                ? new HttpResult.TooLarge(status, settings.maxResponseBytes())
                : new HttpResult.ConnectionFailed(describe(error)));
          } else if (call.release(connection)) {
            // Back to the pool before the caller learns the result, so its next call finds it.
            if (PekkoRequests.keepsAlive(response)) {
              pool.release(call.target, connection);
            } else {
              connection.close();
            }
            call.result.complete(PekkoRequests.result(response, bytes.toArray()));
          }
        });
  }

  private static boolean isTooLarge(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof EntityStreamSizeException) {
        return true;
      }
    }
    return false;
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
  }

  /** The innermost message: Pekko wraps the socket's own error ("Connection refused"). */
  private static String describe(Throwable error) {
    Throwable t = unwrap(error);
    String message = Optional.ofNullable(t.getMessage()).orElse(t.getClass().getSimpleName());
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == t || root.getMessage() == null ? message : message + ": " + root.getMessage();
  }
}
