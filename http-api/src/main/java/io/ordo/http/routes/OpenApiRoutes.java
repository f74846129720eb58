package io.ordo.http.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ordo.engine.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /openapi.json}: the API's OpenAPI 3.1 document, kept by hand as YAML next to the
 * routes and converted to JSON once; {@code /docs}: Swagger UI over it, every asset served from
 * the swagger-ui WebJar on the classpath (no CDN, so the docs work offline and behind firewalls).
 */
public final class OpenApiRoutes extends AllDirectives {

  /** The document's classpath location; the ITs validate every response against it. */
  public static final String DOCUMENT = "openapi/ordo-api.yaml";

  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final String WEBJAR_POM =
      "META-INF/maven/org.webjars/swagger-ui/pom.properties";

  private final byte[] document = Loaded.JSON;
  private final String assets = Loaded.ASSETS;

  public Route routes() {
    return concat(
        path("openapi.json", () -> get(() -> complete(HttpResponse.create()
            .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, document))))),
        pathPrefix("docs", () -> get(() -> concat(
            pathEndOrSingleSlash(() -> getFromResource("openapi/swagger-ui.html",
                ContentTypes.TEXT_HTML_UTF8)),
            // Ours, not the WebJar's: that one loads the Swagger petstore.
            path("swagger-initializer.js", () -> getFromResource(
                "openapi/swagger-initializer.js")),
            getFromResourceDirectory(assets)))));
  }

  /** Read once per JVM, when the first API is built, so a broken document fails start-up. */
  private static final class Loaded {
    static final byte[] JSON = json();
    static final String ASSETS = WEBJAR + swaggerUiVersion() + "/";

    private static byte[] json() {
      try (InputStream in = resource(DOCUMENT)) {
        JsonNode tree = new YAMLMapper().readTree(in);
        return Json.mapper().writeValueAsBytes(tree);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + DOCUMENT, e);
      }
    }

    // The WebJar's files live under its version; read it so a version bump is a pom change only.
    private static String swaggerUiVersion() {
      try (InputStream in = resource(WEBJAR_POM)) {
        var properties = new Properties();
        properties.load(in);
        return properties.getProperty("version");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + WEBJAR_POM, e);
      }
    }

    private static InputStream resource(String name) {
      InputStream in = OpenApiRoutes.class.getClassLoader().getResourceAsStream(name);
      if (in == null) {
        throw new IllegalStateException(name + " is not on the classpath");
      }
      return in;
    }
  }
}
