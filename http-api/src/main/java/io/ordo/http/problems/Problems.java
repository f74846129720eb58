package io.ordo.http.problems;

import io.ordo.engine.runtime.ConflictException;
import io.ordo.engine.runtime.NotFoundException;
import io.ordo.http.routes.JsonSupport;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become RFC 7807 problem documents: our exceptions, Pekko HTTP's
 * rejections (404, 405, 415, malformed parameters) and unexpected failures alike.
 */
public final class Problems {

  private static final Logger log = LoggerFactory.getLogger(Problems.class);

  /** The type (after {@link Problem#BASE}) of the answer to a path the API does not have. */
  public static final String NO_ROUTE = "no-such-route";

  private Problems() {}

  public static HttpResponse of(StatusCode status, String type, String title, String detail,
      java.util.List<FieldError> errors, String requestId) {
    return JsonSupport.response(status, JsonSupport.PROBLEM_JSON,
        new Problem(type, title, status.intValue(), detail, null, errors, requestId));
  }

  /**
   * The answer when a request outlives {@code pekko.http.server.request-timeout}. Whatever the
   * request started (a start, a command) may still complete: the client should look before it
   * retries, or retry with its idempotency key.
   */
  public static HttpResponse timedOut(String requestId) {
    return of(StatusCodes.SERVICE_UNAVAILABLE, Problem.BASE + "request-timeout",
        "Request timed out", "The server did not answer in time; what the request asked for "
            + "may still happen. Check before retrying, or retry with the same Idempotency-Key.",
        null, requestId);
  }

  public static ExceptionHandler exceptions(String requestId) {
    return ExceptionHandler.newBuilder()
        .matchAny(error -> org.apache.pekko.http.javadsl.server.Directives.complete(
            forException(unwrap(error), requestId)))
        .build();
  }

  /** Pekko's own rejection responses, kept as they are but rendered as problems. */
  public static RejectionHandler rejections(String requestId, long maxBodyBytes) {
    return RejectionHandler.defaultHandler().mapRejectionResponse(response -> {
      HttpEntity entity = response.entity();
      StatusCode status = response.status();
      String detail = status.equals(StatusCodes.CONTENT_TOO_LARGE)
          ? tooLarge(maxBodyBytes)
          : entity instanceof HttpEntity.Strict strict ? strict.getData().utf8String() : null;
      // Unknown paths get their own type, so a client can tell a wrong URL from a missing
      // resource (which is a not-found problem from the route itself).
      boolean noRoute = status.equals(StatusCodes.NOT_FOUND);
      return response.withEntity(
          of(status, Problem.BASE + (noRoute ? NO_ROUTE : slug(status)),
              noRoute ? "No such route" : status.reason(), detail, null, requestId).entity());
    });
  }

  static HttpResponse forException(Throwable error, String requestId) {
    if (error instanceof InvalidRequestException e) {
      return of(StatusCodes.BAD_REQUEST, e.type(), e.getMessage(),
          e.errors().size() + " violation(s)", e.errors(), requestId);
    }
    if (error instanceof NotFoundException) {
      return of(StatusCodes.NOT_FOUND, Problem.BASE + "not-found", StatusCodes.NOT_FOUND.reason(),
          error.getMessage(), null, requestId);
    }
    if (error instanceof ConflictException) {
      return of(StatusCodes.CONFLICT, Problem.BASE + "conflict", StatusCodes.CONFLICT.reason(),
          error.getMessage(), null, requestId);
    }
    if (error instanceof UnprocessableException) {
      return of(StatusCodes.UNPROCESSABLE_CONTENT, Problem.BASE + "unprocessable-content",
          StatusCodes.UNPROCESSABLE_CONTENT.reason(), error.getMessage(), null, requestId);
    }
    if (error instanceof EntityStreamSizeException e) {
      return of(StatusCodes.CONTENT_TOO_LARGE, Problem.BASE + "content-too-large",
          StatusCodes.CONTENT_TOO_LARGE.reason(), tooLarge(e.limit()), null, requestId);
    }
    if (error instanceof TimeoutException
        || error instanceof org.apache.pekko.pattern.AskTimeoutException) {
      log.warn("Request {} timed out: {}", requestId, error.toString());
      return of(StatusCodes.SERVICE_UNAVAILABLE, Problem.BASE + "timeout",
          StatusCodes.SERVICE_UNAVAILABLE.reason(),
          "the cluster did not answer in time; the request may still take effect", null,
          requestId);
    }
    log.error("Request {} failed", requestId, error);
    return of(StatusCodes.INTERNAL_SERVER_ERROR, Problem.BASE + "internal-server-error",
        StatusCodes.INTERNAL_SERVER_ERROR.reason(),
        "an unexpected error; quote the request id when reporting it", null, requestId);
  }

  private static String tooLarge(long limit) {
    return "the request body is over the limit of " + limit + " bytes";
  }

  private static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while ((current instanceof CompletionException
        || current instanceof java.util.concurrent.ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    for (Throwable t = current; t != null; t = t.getCause()) {
      if (t instanceof EntityStreamSizeException) {
        return t;
      }
    }
    return current;
  }

  private static String slug(StatusCode status) {
    return status.reason().toLowerCase().replaceAll("[^a-z0-9]+", "-");
  }
}
