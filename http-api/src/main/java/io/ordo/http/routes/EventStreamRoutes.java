package io.ordo.http.routes;

import io.ordo.engine.runtime.audit.Caller;
import io.ordo.http.problems.FieldError;
import io.ordo.http.problems.InvalidRequestException;
import io.ordo.http.problems.Problem;
import io.ordo.http.service.EventStreamService;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.http.javadsl.marshalling.sse.EventStreamMarshalling;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.CacheControl;
import org.apache.pekko.http.javadsl.model.headers.CacheDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /executions/{id}/events}: the execution's events as server-sent events, replayed
 * from the journal and then followed live until it ends. A reconnecting client's
 * {@code Last-Event-ID} wins over {@code ?after=} (which the reconnect repeats unchanged).
 */
public final class EventStreamRoutes extends ApiRoutes implements ApiResource {

  static final String LAST_EVENT_ID = "Last-Event-ID";

  private final EventStreamService streams;

  public EventStreamRoutes(EventStreamService streams) {
    this.streams = streams;
  }

  public Route routes(Caller caller) {
    return pathPrefix("executions", () -> path(PathMatchers.segment().slash("events"), id ->
        get(() -> optionalHeaderValueByName(LAST_EVENT_ID, header ->
            parameterOptional("after", param -> {
              String pointer = header.isPresent() ? "/" + LAST_EVENT_ID : "/after";
              long after = resumePoint(pointer, header.isPresent() ? header : param);
              return onSuccess(streams.open(caller, id, after, pointer), events ->
                  respondWithHeader(CacheControl.create(CacheDirectives.NO_CACHE), () ->
                      mapResponse(this::withHeartbeats, () ->
                          completeOK(events, EventStreamMarshalling.toEventStream()))));
            })))));
  }

  private HttpResponse withHeartbeats(HttpResponse response) {
    var entity = response.entity();
    return response.withEntity(HttpEntities.createChunked(entity.getContentType(),
        entity.getDataBytes().via(streams.heartbeats())));
  }

  /** A journal sequence number the client was sent, or 0 for none. */
  private static long resumePoint(String pointer, Optional<String> raw) {
    if (raw.isEmpty() || raw.get().isBlank()) {
      return 0;
    }
    try {
      long value = Long.parseLong(raw.get().trim());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below, like a negative number.
    }
    throw new InvalidRequestException(Problem.BASE + "invalid-parameters",
        "Invalid resume point", List.of(new FieldError(pointer,
            "must be the id of an event this stream sent (an integer >= 0), not '" + raw.get()
                + "'")));
  }
}
