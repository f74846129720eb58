package io.ordo.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.Json;
import io.ordo.node.testing.ApiClient.Response;
import io.ordo.node.testing.OpenApiContract;
import io.ordo.node.testing.OpenApiContract.Operation;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /openapi.json} and {@code /docs} on a real node, and the document against the
 * server: every documented operation is served (a documented route the server lacks fails
 * here; a served route the document lacks fails whichever IT calls it, in {@code ApiClient}).
 */
class OpenApiIT extends ApiTestSupport {

  private final OpenApiContract contract = OpenApiContract.get();

  @Test
  void servesTheOpenApi31DocumentTheTestsCheckAgainst() {
    Response r = api.get("/openapi.json");
    assertEquals(200, r.status());
    assertTrue(r.contentType().startsWith("application/json"), r.contentType());
    JsonNode served = r.json();
    assertTrue(served.path("openapi").asText().startsWith("3.1."), served.path("openapi")
        .toString());
    assertEquals(contract.document(), served, "the served JSON is the YAML the tests use");
    assertEquals("/", served.at("/servers/0/url").asText());
  }

  @Test
  void everyOperationHasAnIdASummaryAndAResponse() {
    var ids = new HashSet<String>();
    for (Operation op : contract.operations()) {
      String name = op.method() + " " + op.path();
      assertTrue(op.operationId() != null && !op.operationId().isBlank(), name + ": operationId");
      assertTrue(ids.add(op.operationId()), name + ": operationId used twice");
      assertFalse(op.node().path("summary").asText().isBlank(), name + ": summary");
      assertTrue(op.node().path("responses").size() > 0, name + ": responses");
      op.node().path("responses").fieldNames().forEachRemaining(status ->
          assertTrue(status.matches("[1-5][0-9][0-9]"), name + ": status " + status));
    }
    assertTrue(ids.size() >= 40, "the whole API, not a part: " + ids.size());
  }

  @Test
  void everyReferenceResolvesAndEverySchemaCompiles() {
    var refs = new ArrayList<String>();
    collectRefs(contract.document(), refs);
    assertFalse(refs.isEmpty());
    for (String ref : refs) {
      assertTrue(ref.startsWith("#/"), "a local reference: " + ref);
      assertFalse(contract.document().at(ref.substring(1)).isMissingNode(), "resolves: " + ref);
    }
    // Validating anything compiles the schema and follows its references in the validator too.
    contract.document().at("/components/schemas").fieldNames().forEachRemaining(name ->
        contract.validate(OpenApiContract.schemaRef(name), contract.document()));
  }

  @Test
  void docsServeSwaggerUiFromTheWebJarConfiguredForThisDocument() {
    Response page = api.get("/docs");
    assertEquals(200, page.status());
    assertTrue(page.contentType().startsWith("text/html"), page.contentType());
    assertTrue(page.body().contains("id=\"swagger-ui\""), page.body());
    assertFalse(page.body().contains("https://"), "no CDN: every asset is served here");

    Response bundle = api.get("/docs/swagger-ui-bundle.js");
    assertEquals(200, bundle.status());
    assertTrue(bundle.contentType().contains("javascript"), bundle.contentType());
    assertTrue(bundle.body().length() > 100_000, "the real bundle: " + bundle.body().length());
    Response css = api.get("/docs/swagger-ui.css");
    assertEquals(200, css.status());
    assertTrue(css.contentType().startsWith("text/css"), css.contentType());

    Response initializer = api.get("/docs/swagger-initializer.js");
    assertEquals(200, initializer.status());
    assertTrue(initializer.body().contains("url: \"/openapi.json\""), initializer.body());
    assertFalse(initializer.body().contains("petstore"), "ours, not the WebJar's example");

    assertEquals(404, api.get("/docs/no-such-asset.js").status());
  }

  @Test
  void everyDocumentedOperationIsServed() {
    Set<String> notServed = new TreeSet<>();
    for (Operation op : contract.operations()) {
      String path = concrete(op.path());
      HttpRequest.Builder request = api.request(path);
      if (op.node().has("requestBody")) {
        request.header("Content-Type", "application/json")
            .method(op.method(), BodyPublishers.ofString("{}"));
      } else {
        request.method(op.method(), BodyPublishers.noBody());
      }
      // ApiClient checks the answer against the document as well: status, type and shape.
      Response r = api.send(request);
      if (r.status() == 405 || (r.status() == 404
          && OpenApiContract.NO_ROUTE.equals(r.json().path("type").asText()))) {
        notServed.add(op.method() + " " + op.path() + " (" + path + ") -> " + r.status());
      }
    }
    assertEquals(Set.of(), notServed, "documented, but the server has no such route");
    var all = new TreeSet<String>();
    contract.operations().forEach(op -> all.add(op.operationId()));
    assertEquals(all, new TreeSet<>(api.exercisedOperations()));
  }

  @Test
  void anEndedExecutionsEventStreamIsDocumentedEventStreamOfDocumentedEvents() {
    String workflowId = uniqueId("openapi");
    api.createWorkflow(transformWorkflow(workflowId));
    Response run = api.post("/api/v1/workflows/" + workflowId + "/execute?wait=PT20S",
        "{\"input\": {\"n\": 2}}");
    assertEquals(200, run.status(), run.body());
    String executionId = run.json().get("id").asText();

    // Ended, so the stream replays its history and completes: ApiClient can read it whole.
    Response stream = api.get("/api/v1/executions/" + executionId + "/events");
    assertEquals(200, stream.status());
    assertTrue(stream.contentType().startsWith("text/event-stream"), stream.contentType());
    var types = new ArrayList<String>();
    for (String line : stream.body().split("\n")) {
      if (line.startsWith("data:")) {
        JsonNode data = parse(line.substring("data:".length()).trim());
        assertEquals(List.of(), contract.validate(OpenApiContract.schemaRef(
            "ExecutionEventData"), data), line);
        types.add(data.get("type").asText());
      }
    }
    assertEquals("execution.started", types.get(0), types.toString());
    assertEquals("execution.completed", types.get(types.size() - 1), types.toString());
  }

  private static JsonNode parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  /** A path for a template: unknown ids (answered 404 by the resource, not by routing). */
  private static String concrete(String template) {
    var values = Map.of("{name}", "approval", "{file}", "swagger-ui.css");
    String path = template;
    for (var value : values.entrySet()) {
      path = path.replace(value.getKey(), value.getValue());
    }
    return path.replaceAll("\\{[^}]+}", "no-such-" + UUID.randomUUID().toString().substring(0, 8));
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject() && node.has("$ref")) {
      refs.add(node.get("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }
}
