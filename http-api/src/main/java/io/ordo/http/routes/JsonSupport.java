package io.ordo.http.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ordo.engine.model.Json;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCode;

/** JSON responses written with the engine's one configured ObjectMapper. */
public final class JsonSupport {

  public static final ContentType PROBLEM_JSON =
      MediaTypes.applicationWithFixedCharset("problem+json",
          org.apache.pekko.http.javadsl.model.HttpCharsets.UTF_8).toContentType();

  private JsonSupport() {}

  public static HttpResponse json(StatusCode status, Object body) {
    return response(status, ContentTypes.APPLICATION_JSON, body);
  }

  public static HttpResponse response(StatusCode status, ContentType type, Object body) {
    try {
      return HttpResponse.create().withStatus(status)
          .withEntity(HttpEntities.create(type, Json.mapper().writeValueAsBytes(body)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a response that cannot be written as JSON", e);
    }
  }
}
