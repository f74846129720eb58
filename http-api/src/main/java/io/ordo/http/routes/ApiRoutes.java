package io.ordo.http.routes;

import io.ordo.http.problems.Problem;
import io.ordo.http.problems.Problems;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.MediaType;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/** Directives every resource's routes share: JSON bodies in, JSON out. */
public abstract class ApiRoutes extends AllDirectives {

  protected Route json(StatusCode status, Object body) {
    return complete(JsonSupport.json(status, body));
  }

  protected <T> Route onSuccessJson(CompletionStage<T> result, StatusCode status,
      Function<T, Object> view) {
    return onSuccess(result, value -> json(status, view.apply(value)));
  }

  /** The body as text; it must be declared JSON. */
  protected Route jsonBody(String requestId, Function<String, Route> inner) {
    return extractRequestEntity(entity -> {
      if (!isJson(entity.getContentType())) {
        return unsupportedMediaType(requestId, entity.getContentType());
      }
      return entity(Unmarshaller.entityToString(), inner);
    });
  }

  /** Like {@link #jsonBody}, but an empty body is allowed and handed on as "". */
  protected Route optionalJsonBody(String requestId, Function<String, Route> inner) {
    return extractRequestEntity(entity -> {
      if (entity.isKnownEmpty()) {
        return inner.apply("");
      }
      if (!isJson(entity.getContentType())) {
        return unsupportedMediaType(requestId, entity.getContentType());
      }
      return entity(Unmarshaller.entityToString(), body -> inner.apply(body));
    });
  }

  private Route unsupportedMediaType(String requestId, ContentType type) {
    return complete(Problems.of(StatusCodes.UNSUPPORTED_MEDIA_TYPE,
        Problem.BASE + "unsupported-media-type", "Unsupported media type",
        "send the body as application/json, not " + type, null, requestId));
  }

  private static boolean isJson(ContentType type) {
    MediaType media = type.mediaType();
    return media.mainType().equals("application")
        && (media.subType().equals("json") || media.subType().endsWith("+json"));
  }
}
