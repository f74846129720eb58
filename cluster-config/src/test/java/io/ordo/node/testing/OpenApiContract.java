package io.ordo.node.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.ordo.engine.model.Json;
import io.ordo.http.routes.OpenApiRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Ordo's OpenAPI document (the same YAML the server serves at {@code /openapi.json}) as a test
 * oracle. Every exchange a test makes through {@link ApiClient} is checked here: the route must
 * be documented, the status documented for it, the content type one it declares, and a JSON
 * body must validate against the declared schema (JSON Schema 2020-12, {@code $ref}s resolved
 * in the whole document). A request the server took (2xx) must also fit the documented request
 * body, so the document is never stricter than the server.
 *
 * <p>An undocumented route is accepted only when the server has no such route either: Pekko's
 * "not found" rejection (404 of type {@link #NO_ROUTE}) or a 405.
 */
public final class OpenApiContract {

  /** The name the document is known by while resolving {@code $ref}s. */
  static final String DOCUMENT_URI = "https://ordo.dev/openapi.json";

  /** The problem type the API gives a path it has no route for. */
  public static final String NO_ROUTE = "https://ordo.dev/problems/no-such-route";

  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch",
      "head", "options", "trace");
  private static final int BODY_IN_MESSAGE = 1500;
  private static final OpenApiContract INSTANCE = load();

  /** One request and its answer, as the client saw them; {@code requestBody} null if unknown. */
  public record Exchange(String method, URI uri, String requestContentType, String requestBody,
      int status, String contentType, String body) {

    String describe() {
      return method + " " + uri.getRawPath() + " -> " + status;
    }
  }

  /** A documented operation: method (upper case), path template and its OpenAPI node. */
  public record Operation(String method, String path, String operationId, JsonNode node) {}

  private record PathTemplate(String template, Pattern pattern, int parameters, JsonNode item) {}

  private final JsonNode document;
  private final List<PathTemplate> paths;
  private final JsonSchemaFactory factory;
  private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
      .pathType(PathType.JSON_POINTER).build();
  private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

  private OpenApiContract(JsonNode document) {
    this.document = document;
    this.paths = templates(document);
    String json = document.toString();
    this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder ->
        builder.schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_URI, json))));
  }

  public static OpenApiContract get() {
    return INSTANCE;
  }

  public JsonNode document() {
    return document;
  }

  public List<Operation> operations() {
    var operations = new ArrayList<Operation>();
    for (PathTemplate path : paths) {
      for (String method : METHODS) {
        JsonNode op = path.item().get(method);
        if (op != null) {
          operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.template(),
              op.path("operationId").asText(null), op));
        }
      }
    }
    return operations;
  }

  /** The operation a request reaches: of the templates matching the path, the most literal one. */
  public Optional<Operation> operation(String method, String rawPath) {
    String verb = method.toLowerCase(Locale.ROOT);
    for (PathTemplate path : paths) {
      if (path.pattern().matcher(rawPath).matches() && path.item().has(verb)) {
        JsonNode op = path.item().get(verb);
        return Optional.of(new Operation(method.toUpperCase(Locale.ROOT), path.template(),
            op.path("operationId").asText(null), op));
      }
    }
    return Optional.empty();
  }

  /**
   * Checks one exchange; answers the operation it reached, or empty when it reached none and
   * the server said so. Throws {@link AssertionError} naming what does not match.
   */
  public Optional<Operation> check(Exchange exchange) {
    Optional<Operation> found = operation(exchange.method(), exchange.uri().getRawPath());
    if (found.isEmpty()) {
      if (!isRoutingRejection(exchange)) {
        throw new AssertionError("route missing from openapi: " + exchange.method() + " "
            + exchange.uri().getRawPath() + " answered " + exchange.status() + ": "
            + cut(exchange.body()));
      }
      validateBody(exchange, schemaRef("Problem"), "the rejection");
      return Optional.empty();
    }
    Operation op = found.get();
    JsonNode response = resolve(op.node().path("responses").path(
        Integer.toString(exchange.status())));
    if (response.isMissingNode()) {
      throw new AssertionError("status " + exchange.status() + " is not documented for "
          + op.method() + " " + op.path() + " (" + op.operationId() + "): "
          + cut(exchange.body()));
    }
    checkContent(exchange, op, response);
    if (exchange.status() / 100 == 2) {
      checkRequestBody(exchange, op);
    }
    return found;
  }

  private void checkContent(Exchange exchange, Operation op, JsonNode response) {
    JsonNode content = response.path("content");
    boolean hasBody = exchange.body() != null && !exchange.body().isEmpty();
    if (!hasBody) {
      return;
    }
    String media = mediaType(exchange.contentType());
    JsonNode declared = media == null ? null : mediaEntry(content, media);
    if (declared == null) {
      throw new AssertionError(exchange.describe() + " (" + op.operationId() + ") answered "
          + exchange.contentType() + ", documented: " + fieldNames(content));
    }
    // An event stream cannot be checked as a whole; its status and type are what is promised.
    if (isJson(media) && declared.has("schema")) {
      validateBody(exchange, declared.get("schema"), op.operationId());
      if (media.equals("application/problem+json")) {
        int stated = parse(exchange, exchange.body()).path("status").asInt();
        if (stated != exchange.status()) {
          throw new AssertionError(exchange.describe() + ": the problem says status " + stated);
        }
      }
    }
  }

  private void checkRequestBody(Exchange exchange, Operation op) {
    if (exchange.requestBody() == null || exchange.requestBody().isBlank()
        || !isJson(mediaType(exchange.requestContentType()))) {
      return;
    }
    // Commands without a body (pause, retry, reset) ignore one sent anyway: nothing to check.
    JsonNode body = resolve(op.node().path("requestBody"));
    JsonNode schema = body.path("content").path("application/json").path("schema");
    if (schema.isMissingNode()) {
      return;
    }
    List<String> errors = validate(schema, parse(exchange, exchange.requestBody()));
    if (!errors.isEmpty()) {
      throw new AssertionError(exchange.describe() + " (" + op.operationId()
          + "): the server took a request body the document rejects: " + errors + "\n  body: "
          + cut(exchange.requestBody()));
    }
  }

  private void validateBody(Exchange exchange, JsonNode schema, String what) {
    List<String> errors = validate(schema, parse(exchange, exchange.body()));
    if (!errors.isEmpty()) {
      throw new AssertionError(exchange.describe() + " (" + what
          + "): the response does not match the document: " + errors + "\n  body: "
          + cut(exchange.body()));
    }
  }

  /** The violations of {@code value} against a schema node taken from the document. */
  public List<String> validate(JsonNode schemaNode, JsonNode value) {
    JsonSchema schema = schemas.computeIfAbsent(schemaNode.toString(),
        key -> factory.getSchema(absoluteRefs(schemaNode.deepCopy()), config));
    var errors = new ArrayList<String>();
    for (ValidationMessage message : schema.validate(value)) {
      String at = message.getInstanceLocation().toString();
      errors.add((at.isEmpty() ? "(body)" : at) + ": " + message.getError());
    }
    return errors;
  }

  /** {@code {"$ref": "#/components/schemas/<name>"}}, for checks outside any operation. */
  public static JsonNode schemaRef(String name) {
    return Json.mapper().createObjectNode().put("$ref", "#/components/schemas/" + name);
  }

  /** Follows a local {@code $ref} (responses, request bodies) to what it names. */
  public JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new AssertionError("not a local $ref: " + ref);
      }
      current = document.at(ref.substring(1));
    }
    return current;
  }

  static boolean isRoutingRejection(Exchange exchange) {
    if (exchange.status() == 405) {
      return true;
    }
    if (exchange.status() != 404 || exchange.body() == null || exchange.body().isEmpty()) {
      return false;
    }
    try {
      return NO_ROUTE.equals(Json.mapper().readTree(exchange.body()).path("type").asText());
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  // A schema taken out of the document still resolves its "#/..." references in the document.
  private static JsonNode absoluteRefs(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
        object.set("$ref", TextNode.valueOf(DOCUMENT_URI + ref.asText()));
      }
    }
    node.forEach(OpenApiContract::absoluteRefs);
    return node;
  }

  private static JsonNode mediaEntry(JsonNode content, String media) {
    if (content.has(media)) {
      return content.get(media);
    }
    String range = media.substring(0, media.indexOf('/') + 1) + "*";
    if (content.has(range)) {
      return content.get(range);
    }
    return content.has("*/*") ? content.get("*/*") : null;
  }

  private static String mediaType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
        .toLowerCase(Locale.ROOT);
  }

  private static boolean isJson(String media) {
    return media != null && (media.equals("application/json") || media.endsWith("+json"));
  }

  private static JsonNode parse(Exchange exchange, String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError(exchange.describe() + ": declared JSON but is not: " + cut(text),
          e);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    var names = new ArrayList<String>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String cut(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= BODY_IN_MESSAGE ? text : text.substring(0, BODY_IN_MESSAGE) + "…";
  }

  // Literal paths before templated ones, so /workflows/validate wins over /workflows/{id}.
  private static List<PathTemplate> templates(JsonNode document) {
    var templates = new ArrayList<PathTemplate>();
    Iterator<Map.Entry<String, JsonNode>> fields = document.path("paths").fields();
    while (fields.hasNext()) {
      var entry = fields.next();
      String template = entry.getKey();
      String regex = Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
      int parameters = template.split("\\{", -1).length - 1;
      templates.add(new PathTemplate(template, Pattern.compile(regex), parameters,
          entry.getValue()));
    }
    templates.sort(Comparator.comparingInt(PathTemplate::parameters));
    return List.copyOf(templates);
  }

  private static OpenApiContract load() {
    try (InputStream in = OpenApiContract.class.getClassLoader()
        .getResourceAsStream(OpenApiRoutes.DOCUMENT)) {
      if (in == null) {
        throw new IllegalStateException(OpenApiRoutes.DOCUMENT + " is not on the classpath");
      }
      return new OpenApiContract(new YAMLMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
