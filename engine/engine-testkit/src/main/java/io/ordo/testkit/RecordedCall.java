package io.ordo.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request a {@link TestAgent} received, as it stood when the snapshot was taken.
 *
 * @param query the raw query string, or null when the URL had none
 * @param headers case-insensitive, every value of every header
 * @param idempotencyKey the {@code Idempotency-Key} header, or null
 * @param clientPort the client's port: calls with the same one came over the same connection
 * @param outcome whether the agent has answered yet, or found the client gone when it tried
 */
public record RecordedCall(Instant receivedAt, String method, String path, String query,
    Map<String, List<String>> headers, byte[] body, String idempotencyKey, int clientPort,
    Outcome outcome) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What became of a call. */
  public enum Outcome {
    /** Received; the response is not written yet (a programmed delay is running). */
    PENDING,
    /** The response was written. */
    ANSWERED,
    /** The client had closed the connection when the response was written. */
    ABORTED
  }

  public RecordedCall {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(copy);
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  public boolean aborted() {
    return outcome == Outcome.ABORTED;
  }

  /** The first value of a header, or null. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body parsed as JSON; fails the test when it is not JSON. */
  public JsonNode bodyJson() {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("the body is not JSON: " + bodyText(), e);
    }
  }

  /** The query parameters, decoded, in order, repeated names collected. */
  public Map<String, List<String>> queryParams() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "RecordedCall[" + method + " " + path + (query == null ? "" : "?" + query) + " at "
        + receivedAt + ", " + outcome + "]";
  }
}
