package io.ordo.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The responses of one path (and method) of a {@link TestAgent}, consumed in order; the last one
 * repeats. {@code agent.on("/flaky").fail(2, 503).thenRespond(200, "{\"ok\":true}")} answers 503
 * twice, then 200 forever.
 *
 * <p>Modifiers ({@link #delay}, {@link #header}, {@link #retryAfter}) change the response added
 * last, or the next one added when there is none yet, so both
 * {@code on(p).delay(d).respond(200)} and {@code on(p).respond(200).delay(d)} delay the 200.
 */
public final class Script {

  /** One programmed answer. */
  record Response(int status, byte[] body, List<Map.Entry<String, String>> headers,
      Duration delay, boolean echo) {

    Response {
      headers = List.copyOf(headers);
    }

    Response withDelay(Duration newDelay) {
      return new Response(status, body, headers, newDelay, echo);
    }

    Response withHeader(String name, String value) {
      List<Map.Entry<String, String>> more = new ArrayList<>(headers);
      more.add(Map.entry(name, value));
      return new Response(status, body, more, delay, echo);
    }
  }

  private static final Response EMPTY_OK =
      new Response(200, new byte[0], List.of(), Duration.ZERO, false);

  private final List<Response> responses = new ArrayList<>();
  private Response pending = EMPTY_OK;
  private int next;

  Script() {}

  /** Answers {@code status} with {@code body} and header name/value pairs. */
  public synchronized Script respond(int status, String body, String... headers) {
    if (headers.length % 2 != 0) {
      throw new IllegalArgumentException("headers come in name/value pairs");
    }
    Response response = new Response(status, body.getBytes(StandardCharsets.UTF_8),
        pending.headers(), pending.delay(), false);
    if (!body.isEmpty()) {
      response = response.withHeader("Content-Type", looksLikeJson(body)
          ? "application/json" : "text/plain; charset=utf-8");
    }
    for (int i = 0; i < headers.length; i += 2) {
      response = response.withHeader(headers[i], headers[i + 1]);
    }
    return add(response);
  }

  /** Same as {@link #respond(int, String, String...)}; reads well after {@link #fail}. */
  public Script thenRespond(int status, String body, String... headers) {
    return respond(status, body, headers);
  }

  /** Answers {@code status} with no body. */
  public Script status(int status) {
    return respond(status, "");
  }

  /** Answers {@code status}, without a body, {@code times} times. */
  public synchronized Script fail(int times, int status) {
    for (int i = 0; i < times; i++) {
      status(status);
    }
    return this;
  }

  /** Answers 200 with the request as JSON: method, path, query, headers, body. */
  public synchronized Script echo() {
    return add(new Response(200, new byte[0], pending.headers(), pending.delay(), true));
  }

  /** Waits this long before answering. */
  public synchronized Script delay(Duration delay) {
    return modify(r -> r.withDelay(delay));
  }

  public synchronized Script header(String name, String value) {
    return modify(r -> r.withHeader(name, value));
  }

  /** Adds {@code Retry-After: value} (delta-seconds or an HTTP-date). */
  public Script retryAfter(String value) {
    return header("Retry-After", value);
  }

  /** The next response: each in turn, then the last one again and again. */
  synchronized Response next() {
    if (responses.isEmpty()) {
      return pending;
    }
    Response response = responses.get(Math.min(next, responses.size() - 1));
    next++;
    return response;
  }

  private Script add(Response response) {
    responses.add(response);
    pending = EMPTY_OK;
    return this;
  }

  private Script modify(java.util.function.UnaryOperator<Response> change) {
    if (responses.isEmpty()) {
      pending = change.apply(pending);
    } else {
      int last = responses.size() - 1;
      responses.set(last, change.apply(responses.get(last)));
    }
    return this;
  }

  private static boolean looksLikeJson(String body) {
    String trimmed = body.strip();
    return trimmed.startsWith("{") || trimmed.startsWith("[");
  }
}
