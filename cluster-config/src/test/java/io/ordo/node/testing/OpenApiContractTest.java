package io.ordo.node.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.node.testing.OpenApiContract.Exchange;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks {@link ApiClient} applies to every exchange can fail, for the right reason. */
class OpenApiContractTest {

  private static final String JSON = "application/json";
  private static final String PROBLEM = "application/problem+json";

  private final OpenApiContract contract = OpenApiContract.get();

  @Test
  void failsARouteTheDocumentDoesNotHave() {
    var error = assertThrows(AssertionError.class, () -> contract.check(
        answer("GET", "/api/v1/nothing-like-this", 200, JSON, "{}")));
    assertTrue(error.getMessage().startsWith(
        "route missing from openapi: GET /api/v1/nothing-like-this"), error.getMessage());
  }

  @Test
  void acceptsTheServersOwnRejectionOfAnUnknownRoute() {
    String noRoute = """
        {"type":"%s","title":"No such route","status":404,
         "detail":"The requested resource could not be found.","requestId":"r1"}"""
        .formatted(OpenApiContract.NO_ROUTE);
    assertTrue(contract.check(answer("GET", "/nope", 404, PROBLEM, noRoute)).isEmpty());
    // A 404 of a resource is not a routing rejection: the route must be documented.
    String unknownThing = noRoute.replace(OpenApiContract.NO_ROUTE,
        "https://ordo.dev/problems/not-found");
    assertThrows(AssertionError.class,
        () -> contract.check(answer("GET", "/nope", 404, PROBLEM, unknownThing)));
  }

  @Test
  void failsAStatusTheOperationDoesNotDocument() {
    var error = assertThrows(AssertionError.class,
        () -> contract.check(answer("GET", "/health", 418, JSON, "{\"status\":\"UP\"}")));
    assertTrue(error.getMessage().contains("status 418 is not documented for GET /health"),
        error.getMessage());
  }

  @Test
  void failsAFieldTheSchemaDoesNotDeclareAndAValueOutsideAnEnum() {
    assertTrue(contract.check(answer("GET", "/health", 200, JSON, "{\"status\":\"UP\"}"))
        .isPresent());
    assertThrows(AssertionError.class, () -> contract.check(
        answer("GET", "/health", 200, JSON, "{\"status\":\"UP\",\"uptime\":3}")));
    assertThrows(AssertionError.class, () -> contract.check(answer("GET", "/health/ready", 503,
        JSON, "{\"status\":\"MAYBE\",\"checks\":{}}")));
  }

  @Test
  void failsAContentTypeTheResponseDoesNotDeclare() {
    assertThrows(AssertionError.class,
        () -> contract.check(answer("GET", "/health", 200, "text/plain", "UP")));
  }

  @Test
  void failsAProblemWithoutItsRequestId() {
    var error = assertThrows(AssertionError.class, () -> contract.check(answer("GET",
        "/api/v1/workflows/x", 404, PROBLEM,
        "{\"type\":\"https://ordo.dev/problems/not-found\",\"title\":\"Not Found\","
            + "\"status\":404}")));
    assertTrue(error.getMessage().contains("requestId"), error.getMessage());
  }

  @Test
  void failsWhenTheServerTookABodyTheDocumentRejects() {
    String body = "{\"id\":\"w\",\"steps\":[{\"id\":\"a\",\"type\":\"DATA_TRANSFORM\","
        + "\"expression\":1}],\"colour\":\"red\"}";
    var exchange = new Exchange("POST", URI.create("http://h/api/v1/workflows/validate"), JSON,
        body, 200, JSON, "{\"valid\":true,\"workflowId\":\"w\",\"steps\":1}");
    var error = assertThrows(AssertionError.class, () -> contract.check(exchange));
    assertTrue(error.getMessage().contains("colour"), error.getMessage());
  }

  @Test
  void literalPathsWinOverTemplatesAndMethodsPickTheOperation() {
    assertEquals("validateWorkflow",
        contract.operation("POST", "/api/v1/workflows/validate").orElseThrow().operationId());
    assertEquals("getWorkflow",
        contract.operation("GET", "/api/v1/workflows/validate").orElseThrow().operationId());
    assertEquals("signalExecution", contract.operation("POST",
        "/api/v1/executions/e-1/signals/approval").orElseThrow().operationId());
    assertTrue(contract.operation("PATCH", "/api/v1/workflows/w").isEmpty());
  }

  @Test
  void theDocumentsOwnExamplesMatchTheirSchemas() {
    int checked = 0;
    for (var op : contract.operations()) {
      JsonNode content = contract.resolve(op.node().path("requestBody")).path("content");
      for (JsonNode media : content) {
        for (JsonNode example : media.path("examples")) {
          assertEquals(List.of(), contract.validate(media.get("schema"), example.get("value")),
              op.operationId() + ": " + example);
          checked++;
        }
      }
    }
    assertTrue(checked >= 3, "examples checked: " + checked);
  }

  private static Exchange answer(String method, String path, int status, String type,
      String body) {
    return new Exchange(method, URI.create("http://127.0.0.1:1" + path), null, null, status,
        type, body);
  }
}
