package io.ordo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The HTTP calls the command line makes to a node's API ({@code /api/v1}), over java.net.http.
 * Calls that must succeed answer the JSON body or throw {@link ApiException}; {@link #send}
 * answers any status for callers that branch on it. A server that cannot be reached is an
 * {@link UnreachableException}.
 */
final class OrdoClient {

  /** A response whose status the caller decides about. */
  record Response(int status, JsonNode body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The body, or an {@link ApiException} unless the status is 2xx. */
    JsonNode orThrow() {
      if (!ok()) {
        throw new ApiException(status, body);
      }
      return body;
    }
  }

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final URI server;
  private final HttpClient http;

  OrdoClient(URI server) {
    this.server = server;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .version(HttpClient.Version.HTTP_1_1).build();
  }

  URI server() {
    return server;
  }

  Response createWorkflow(String json) {
    return send(post("/workflows", json));
  }

  Response updateWorkflow(String id, String json) {
    return send(put("/workflows/" + encode(id), json));
  }

  Response validateWorkflow(String json) {
    return send(post("/workflows/validate", json));
  }

  JsonNode workflow(String id) {
    return send(get("/workflows/" + encode(id))).orThrow();
  }

  /**
   * Starts an execution. With {@code wait}, the server answers 200 with the ended execution, or
   * 202 with {@code executionId} when the wait ran out first.
   */
  Response execute(String workflowId, JsonNode body, Duration wait) {
    String path = "/workflows/" + encode(workflowId) + "/execute"
        + (wait == null ? "" : "?wait=" + wait);
    HttpRequest.Builder request = post(path, body.toString());
    if (wait != null) {
      request.timeout(REQUEST_TIMEOUT.plus(wait));
    }
    return send(request);
  }

  JsonNode execution(String id) {
    return send(get("/executions/" + encode(id))).orThrow();
  }

  /** One page of the execution history: {@code {items, nextCursor}}. */
  JsonNode executions(Map<String, String> query) {
    StringJoiner params = new StringJoiner("&", "?", "").setEmptyValue("");
    query.forEach((name, value) -> params.add(encode(name) + "=" + encode(value)));
    return send(get("/executions" + params)).orThrow();
  }

  /**
   * Opens an execution's live event stream ({@code text/event-stream}), resuming after
   * {@code lastEventId} when given. The caller reads, and closes, the body.
   */
  HttpResponse<InputStream> openEvents(String id, String lastEventId) {
    HttpRequest.Builder request = request("/executions/" + encode(id) + "/events")
        .setHeader("Accept", "text/event-stream").GET();
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Reads a response body that is not an event stream, for an error. */
  static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException notJson) {
      return new TextNode(new String(body, StandardCharsets.UTF_8).strip());
    }
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response = http.send(request.build(),
          HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response.statusCode(), parse(response.body()));
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  UnreachableException unreachable(IOException e) {
    String why = e instanceof HttpTimeoutException ? "no answer in time"
        : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e.getCause() != null && e.getMessage() == null) {
      why = String.valueOf(e.getCause().getMessage() == null
          ? e.getCause().getClass().getSimpleName() : e.getCause().getMessage());
    }
    return new UnreachableException("cannot reach the Ordo server at " + server + " (" + why
        + "); start one with `ordo server`, or point --server / ORDO_URL at one", e);
  }

  private HttpRequest.Builder get(String path) {
    return request(path).GET();
  }

  private HttpRequest.Builder post(String path, String json) {
    return request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private HttpRequest.Builder put(String path, String json) {
    return request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(server + "/api/v1" + path))
        .header("Accept", "application/json").header("User-Agent", "ordo-cli")
        .timeout(REQUEST_TIMEOUT);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
