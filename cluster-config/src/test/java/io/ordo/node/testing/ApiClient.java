package io.ordo.node.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real HTTP over loopback to a node's API. Every exchange with Ordo's API (a response carrying
 * {@code X-Request-Id}; the management port's do not) is checked against the OpenAPI document
 * by {@link OpenApiContract}: an undocumented route, status or response shape fails the test.
 */
public final class ApiClient {

  /** A response: status, headers and body, with the body readable as JSON. */
  public record Response(int status, java.net.http.HttpHeaders headers, String body) {
    public JsonNode json() {
      try {
        return Json.mapper().readTree(body);
      } catch (JsonProcessingException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("content-type");
    }
  }

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final OpenApiContract contract = OpenApiContract.get();
  private final Set<String> exercised = ConcurrentHashMap.newKeySet();

  public ApiClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  public Response post(String path, String json) {
    return exchange(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), json);
  }

  public Response put(String path, String json) {
    return exchange(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), json);
  }

  /** Any request, for headers and content types the shortcuts do not cover. */
  public Response send(HttpRequest.Builder request) {
    return exchange(request.build(), null);
  }

  /** The operation ids of the document this client's exchanges reached so far. */
  public Set<String> exercisedOperations() {
    return Set.copyOf(exercised);
  }

  // requestBody: the JSON sent, when known, so a body the server took is checked as well.
  private Response exchange(HttpRequest request, String requestBody) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      var answer = new Response(response.statusCode(), response.headers(), response.body());
      if (answer.header("X-Request-Id") != null) {
        contract.check(new OpenApiContract.Exchange(request.method(), request.uri(),
            request.headers().firstValue("Content-Type").orElse(null), requestBody,
            answer.status(), answer.contentType(), answer.body()))
            .ifPresent(op -> exercised.add(op.operationId()));
      }
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
  }

  /** Creates a workflow and fails the test unless it was created. */
  public JsonNode createWorkflow(String json) {
    Response r = post("/api/v1/workflows", json);
    if (r.status() != 201) {
      throw new AssertionError("workflow not created (" + r.status() + "): " + r.body());
    }
    return r.json();
  }

  /** Starts an execution and answers its id; fails the test unless it was accepted. */
  public String execute(String workflowId, String body) {
    Response r = post("/api/v1/workflows/" + workflowId + "/execute", body);
    if (r.status() != 202) {
      throw new AssertionError("not started (" + r.status() + "): " + r.body());
    }
    return r.json().get("executionId").asText();
  }

  public JsonNode execution(String id) {
    Response r = get("/api/v1/executions/" + id);
    if (r.status() != 200) {
      throw new AssertionError("no execution " + id + " (" + r.status() + "): " + r.body());
    }
    return r.json();
  }

  public String status(String executionId) {
    return execution(executionId).get("status").asText();
  }
}
