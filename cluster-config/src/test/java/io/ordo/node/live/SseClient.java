package io.ordo.node.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server-sent events client for tests over real HTTP: reads the stream on its own thread as
 * the HTML standard parses it, and records each event with the time it arrived, each comment
 * line, and whether the server ended the stream. Closing it drops the connection, as a browser
 * tab that goes away does.
 */
final class SseClient implements AutoCloseable {

  /** One event as received; {@code data} parsed as JSON. */
  record Event(String id, String type, JsonNode data, Instant receivedAt) {
    long seq() {
      return Long.parseLong(id);
    }
  }

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final HttpResponse<InputStream> response;
  private final String errorBody;
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final List<String> comments = new CopyOnWriteArrayList<>();
  private final AtomicBoolean ended = new AtomicBoolean();
  private final AtomicInteger malformed = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread reader;

  private SseClient(HttpResponse<InputStream> response) throws IOException {
    this.response = response;
    if (response.statusCode() != 200) {
      try (InputStream body = response.body()) {
        errorBody = new String(body.readAllBytes(), StandardCharsets.UTF_8);
      }
      reader = null;
      return;
    }
    errorBody = null;
    reader = new Thread(this::read, "sse-test-client");
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens {@code GET /api/v1/executions/{id}/events{query}} with the given headers. */
  static SseClient open(int port, String executionId, String query, Map<String, String> headers) {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/api/v1/executions/" + executionId + "/events" + query))
        .header("Accept", "text/event-stream").GET();
    headers.forEach(request::header);
    try {
      return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static SseClient open(int port, String executionId) {
    return open(port, executionId, "", Map.of());
  }

  int status() {
    return response.statusCode();
  }

  String header(String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  /** The body of a refused request (a problem document). */
  JsonNode problem() {
    try {
      return Json.mapper().readTree(errorBody);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + errorBody, e);
    }
  }

  List<Event> events() {
    return List.copyOf(events);
  }

  List<Long> seqs() {
    return events.stream().map(Event::seq).toList();
  }

  List<String> types() {
    return events.stream().map(Event::type).toList();
  }

  boolean has(String type) {
    return events.stream().anyMatch(e -> e.type().equals(type));
  }

  List<String> comments() {
    return List.copyOf(comments);
  }

  /** Whether the server ended the stream (not this client closing it). */
  boolean ended() {
    return ended.get();
  }

  int malformed() {
    return malformed.get();
  }

  @Override
  public void close() {
    if (reader != null && closed.compareAndSet(false, true)) {
      try {
        response.body().close();
      } catch (IOException e) {
        // Dropping the connection is all that is wanted.
      }
    }
  }

  private void read() {
    try (var in = new BufferedReader(new InputStreamReader(response.body(),
        StandardCharsets.UTF_8))) {
      String id = null;
      String type = null;
      StringBuilder data = null;
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isEmpty()) {
          if (data != null) {
            record(id, type, data.toString());
          }
          type = null;
          data = null;
        } else if (line.startsWith(":")) {
          comments.add(line);
        } else {
          int colon = line.indexOf(':');
          String field = colon < 0 ? line : line.substring(0, colon);
          String value = colon < 0 ? "" : line.substring(colon + 1);
          value = value.startsWith(" ") ? value.substring(1) : value;
          switch (field) {
            case "id" -> id = value;
            case "event" -> type = value;
            case "data" -> data = data == null ? new StringBuilder(value)
                : data.append('\n').append(value);
            default -> malformed.incrementAndGet();
          }
        }
      }
      if (!closed.get()) {
        ended.set(true);
      }
    } catch (IOException e) {
      // Closed by this client, or dropped: neither is the server ending the stream.
    }
  }

  private void record(String id, String type, String data) {
    Instant at = Instant.now();
    try {
      events.add(new Event(id, type, Json.mapper().readTree(data), at));
    } catch (IOException e) {
      malformed.incrementAndGet();
    }
  }
}
