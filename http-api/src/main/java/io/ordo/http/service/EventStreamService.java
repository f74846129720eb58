package io.ordo.http.service;

import io.ordo.engine.runtime.NotFoundException;
import io.ordo.engine.runtime.audit.Caller;
import io.ordo.engine.runtime.live.EventJson;
import io.ordo.engine.runtime.live.LiveTimeline;
import io.ordo.engine.runtime.live.SequencedEvent;
import io.ordo.http.problems.FieldError;
import io.ordo.http.problems.InvalidRequestException;
import io.ordo.http.problems.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.SharedKillSwitch;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * Opens an execution's live timeline as server-sent events (docs/api.md#live-events): checks
 * that the execution exists in the caller's workspace and that a resume point is one of its
 * events before the stream starts, so both can still be answered with a problem. Reads the
 * journal only, so any node serves any execution's stream.
 *
 * <p>On shutdown the streams are completed (not cut) as the port closes, so a leaving node
 * does not hold its shutdown for them; clients reconnect elsewhere with {@code Last-Event-ID}.
 */
public final class EventStreamService {

  private static final ByteString KEEP_ALIVE = ByteString.fromString(": keep-alive\n\n");

  private final LiveTimeline timeline;
  private final EventStreamSettings settings;
  /** How long shutdown waits for the open streams to end before it goes on regardless. */
  private static final Duration COMPLETION_GRACE = Duration.ofSeconds(3);
  /** And how long it then gives the connections to write the ends out. */
  private static final Duration WRITE_GRACE = Duration.ofMillis(300);

  private final SharedKillSwitch closing = KillSwitches.shared("ordo-event-streams");
  private final Set<CompletableFuture<Done>> open = ConcurrentHashMap.newKeySet();

  public EventStreamService(ActorSystem<?> system, EventStreamSettings settings) {
    this.timeline = new LiveTimeline(system);
    this.settings = settings;
    // In the unbind phase, before the binding's own termination (service-requests-done): that
    // closes connections whose response has been sent, and a stream's response counts as sent
    // once its headers are, so a stream still open then would be cut instead of completed. The
    // task waits until the open streams have passed their end to the HTTP layer, which writes it
    // before it closes the connection.
    CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseServiceUnbind(),
        "ordo-complete-event-streams", () -> {
          boolean anyOpen = !open.isEmpty();
          closing.shutdown();
          // The end leaves the stream before the connection has written it; the binding then
          // closes the connection, and a close that overtakes the last chunk cuts the stream.
          Executor afterWrite = CompletableFuture.delayedExecutor(
              anyOpen ? WRITE_GRACE.toMillis() : 0, TimeUnit.MILLISECONDS);
          return CompletableFuture.allOf(open.toArray(CompletableFuture[]::new))
              .completeOnTimeout(null, COMPLETION_GRACE.toMillis(), TimeUnit.MILLISECONDS)
              .thenApplyAsync(ended -> Done.getInstance(), afterWrite)
              .exceptionally(error -> Done.getInstance());
        });
  }

  /**
   * The events after {@code after} (0: from the start). Fails with NotFoundException for an
   * unknown execution or one of another workspace, and with InvalidRequestException (pointing
   * at {@code resumePointer}) when the execution has no event {@code after}.
   */
  public CompletionStage<Source<ServerSentEvent, NotUsed>> open(Caller caller, String executionId,
      long after, String resumePointer) {
    return timeline.started(executionId).thenCompose(started -> {
      if (started.isEmpty() || !started.get().workspaceId().equals(caller.workspaceId())) {
        throw new NotFoundException("no execution '" + executionId + "'");
      }
      return after == 0 ? CompletableFuture.completedFuture(true)
          : timeline.has(executionId, after);
    }).thenApply(known -> {
      if (!known) {
        throw new InvalidRequestException(Problem.BASE + "invalid-parameters",
            "Invalid resume point", List.of(new FieldError(resumePointer, "execution "
                + executionId + " has no event " + after + "; resume from an id it sent")));
      }
      return timeline.events(executionId, after)
          .map(event -> sse(executionId, event))
          .via(closing.flow());
    });
  }

  /**
   * Inserts a comment line whenever nothing else was written for the heartbeat interval; the
   * last stage before the HTTP layer, so a stream counts as open until its end has left it.
   */
  public Flow<ByteString, ByteString, NotUsed> heartbeats() {
    return Flow.of(ByteString.class).keepAlive(settings.heartbeat(), () -> KEEP_ALIVE)
        .watchTermination((notUsed, done) -> {
          CompletableFuture<Done> ended = done.toCompletableFuture();
          open.add(ended);
          ended.whenComplete((d, error) -> open.remove(ended));
          return notUsed;
        });
  }

  static ServerSentEvent sse(String executionId, SequencedEvent event) {
    return ServerSentEvent.create(EventJson.data(executionId, event).toString(),
        EventJson.type(event.event()), Long.toString(event.seq()));
  }
}
