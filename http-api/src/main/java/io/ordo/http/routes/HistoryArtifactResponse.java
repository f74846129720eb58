package io.ordo.http.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ordo.engine.model.Json;
import io.ordo.http.dto.HistoryArtifactContent;
import java.nio.charset.StandardCharsets;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/**
 * An artifact's value as a response: a string declared as something other than JSON (a CSV, a
 * text report) is served as itself in its content type, so it downloads as a file would;
 * everything else as its JSON. A content type that cannot be parsed serves as text/plain.
 */
final class HistoryArtifactResponse {

  private HistoryArtifactResponse() {}

  static HttpResponse of(HistoryArtifactContent artifact) {
    if (!"string".equals(artifact.valueType()) || isJson(artifact.contentType())) {
      return HttpResponse.create().withStatus(StatusCodes.OK).withEntity(HttpEntities.create(
          ContentTypes.APPLICATION_JSON, artifact.json().getBytes(StandardCharsets.UTF_8)));
    }
    String text;
    try {
      text = Json.mapper().readTree(artifact.json()).asText();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an artifact that is not JSON", e);
    }
    return HttpResponse.create().withStatus(StatusCodes.OK).withEntity(HttpEntities.create(
        contentType(artifact.contentType()), text.getBytes(StandardCharsets.UTF_8)));
  }

  private static boolean isJson(String contentType) {
    String media = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    return media.equals("application/json") || media.endsWith("+json");
  }

  /** The declared type; text without a charset gets UTF-8, which is what the bytes are. */
  private static ContentType contentType(String declared) {
    try {
      ContentType type = ContentTypes.parse(declared);
      if (!type.binary() && type.getCharsetOption().isEmpty()) {
        return ContentTypes.parse(declared + "; charset=UTF-8");
      }
      return type;
    } catch (RuntimeException e) {
      return ContentTypes.TEXT_PLAIN_UTF8;
    }
  }
}
