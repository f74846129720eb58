package io.ordo.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ordo.testkit.RecordedCall.Outcome;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 that plays an agent in tests: programmable per path (and
 * method) with {@link #on}, recording every call it receives. Each call runs on its own pooled
 * thread, so a programmed delay never holds up other calls.
 *
 * <p>A call counts as aborted when the client has closed its connection by the time the agent
 * writes the response: that is how tests prove a client really hung up rather than just stopped
 * waiting. Paths without a script answer 404; {@code /health} answers 200 until reprogrammed.
 *
 * <pre>{@code
 * try (TestAgent agent = TestAgent.start()) {
 *   agent.on("/flaky").fail(2, 503).thenRespond(200, "{\"ok\":true}");
 *   ... call agent.url("/flaky") ...
 *   agent.awaitCalls("/flaky", 3, Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class TestAgent implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, Script> scripts = new ConcurrentHashMap<>();
  private final CallLog log = new CallLog();

  private TestAgent(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts an agent on a free port of the loopback interface. */
  public static TestAgent start() {
    try {
      HttpServer server = HttpServer.create(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "test-agent-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
      TestAgent agent = new TestAgent(server, executor);
      server.setExecutor(executor);
      server.createContext("/", agent::handle);
      agent.on("/health").respond(200, "{\"status\":\"UP\"}");
      server.start();
      return agent;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the test agent", e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  public String url(String path) {
    return url() + path;
  }

  /** A new script for {@code path}, whatever the method; replaces the previous one. */
  public Script on(String path) {
    Script script = new Script();
    scripts.put(path, script);
    return script;
  }

  /** A new script for {@code method} on {@code path}; it wins over the path's own script. */
  public Script on(String method, String path) {
    Script script = new Script();
    scripts.put(method.toUpperCase(Locale.ROOT) + " " + path, script);
    return script;
  }

  public List<RecordedCall> calls() {
    return log.matching(c -> true);
  }

  public List<RecordedCall> calls(String path) {
    return log.matching(c -> c.path().equals(path));
  }

  public int callCount(String path) {
    return calls(path).size();
  }

  public List<String> idempotencyKeys(String path) {
    return calls(path).stream().map(RecordedCall::idempotencyKey).toList();
  }

  /** The calls to {@code path} whose client was gone when the agent answered. */
  public List<RecordedCall> abortedCalls(String path) {
    return log.matching(c -> c.path().equals(path) && c.aborted());
  }

  /** Waits until {@code path} has received {@code count} calls; fails the test otherwise. */
  public List<RecordedCall> awaitCalls(String path, int count, Duration timeout) {
    return log.await(c -> c.path().equals(path), count, timeout, "calls to " + path);
  }

  /** Waits until {@code count} calls to {@code path} have found their client gone. */
  public List<RecordedCall> awaitAborted(String path, int count, Duration timeout) {
    return log.await(c -> c.path().equals(path) && c.aborted(), count, timeout,
        "aborted calls to " + path);
  }

  /** Waits until {@code count} calls to {@code path} have been answered or aborted. */
  public List<RecordedCall> awaitEnded(String path, int count, Duration timeout) {
    return log.await(c -> c.path().equals(path) && c.outcome() != Outcome.PENDING, count,
        timeout, "ended calls to " + path);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) {
    CallLog.Entry entry = null;
    try {
      entry = log.received(record(exchange));
      Script.Response response = scriptFor(exchange).next();
      if (!response.delay().isZero()) {
        Thread.sleep(response.delay().toMillis());
      }
      byte[] body = response.echo() ? echo(entry) : response.body();
      response.headers().forEach(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue()));
      if (response.echo()) {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
      }
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
      log.ended(entry, Outcome.ANSWERED);
    } catch (IOException e) {
      // The client closed the connection before the response could be written.
      if (entry != null) {
        log.ended(entry, Outcome.ABORTED);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private RecordedCall record(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    URI uri = exchange.getRequestURI();
    return new RecordedCall(Instant.now(), exchange.getRequestMethod(), uri.getRawPath(),
        uri.getRawQuery(), exchange.getRequestHeaders(), body,
        exchange.getRequestHeaders().getFirst("Idempotency-Key"),
        exchange.getRemoteAddress().getPort(), Outcome.PENDING);
  }

  private Script scriptFor(HttpExchange exchange) {
    String path = exchange.getRequestURI().getRawPath();
    Script script = scripts.get(exchange.getRequestMethod() + " " + path);
    if (script == null) {
      script = scripts.get(path);
    }
    if (script == null) {
      script = new Script().respond(404, "{\"error\":\"no script for "
          + exchange.getRequestMethod() + " " + path + "\"}");
    }
    return script;
  }

  private static byte[] echo(CallLog.Entry entry) throws IOException {
    RecordedCall call = entry.received;
    ObjectNode echo = JSON.createObjectNode();
    echo.put("method", call.method());
    echo.put("path", call.path());
    echo.put("query", call.query());
    ObjectNode headers = echo.putObject("headers");
    call.headers().forEach((name, values) ->
        headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
    echo.set("body", bodyValue(call));
    return JSON.writeValueAsBytes(echo);
  }

  private static JsonNode bodyValue(RecordedCall call) {
    if (call.body().length == 0) {
      return JSON.nullNode();
    }
    try {
      return JSON.readTree(call.body());
    } catch (IOException notJson) {
      return JSON.getNodeFactory().textNode(call.bodyText());
    }
  }
}
