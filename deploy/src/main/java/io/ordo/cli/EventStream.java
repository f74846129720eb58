package io.ordo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows one execution's live events ({@code GET /executions/{id}/events}) until its terminal
 * event. When the connection drops, or stays silent (not even a heartbeat) for longer than the
 * idle timeout, it reconnects with {@code Last-Event-ID}, so each event is delivered once and in
 * order. A stream that ends without a terminal event the client recognises is checked against
 * the execution itself. No connection for longer than {@code giveUpAfter} is "unreachable".
 */
final class EventStream {

  private static final Set<String> TERMINAL =
      Set.of("completed", "failed", "cancelled", "canceled", "timed-out", "timed_out", "timedout");
  private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "CANCELLED", "TIMED_OUT");

  private final OrdoClient client;
  private final Duration idleTimeout;
  private final Duration giveUpAfter;

  EventStream(OrdoClient client, Duration idleTimeout, Duration giveUpAfter) {
    this.client = client;
    this.idleTimeout = idleTimeout;
    this.giveUpAfter = giveUpAfter;
  }

  /**
   * Delivers every event (its {@code data} as JSON) to {@code onEvent}; answers true once the
   * execution has ended, false when {@code deadline} (may be null) passed first.
   */
  boolean follow(String executionId, Instant deadline, Consumer<JsonNode> onEvent)
      throws InterruptedException {
    String lastId = null;
    long delayMillis = 500;
    Instant connected = Instant.now();
    ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "ordo-sse-watchdog");
      thread.setDaemon(true);
      return thread;
    });
    try {
      while (deadline == null || Instant.now().isBefore(deadline)) {
        HttpResponse<InputStream> response;
        try {
          response = client.openEvents(executionId, lastId);
        } catch (UnreachableException e) {
          giveUpUnlessRecent(connected, e);
          Thread.sleep(delayMillis);
          continue;
        }
        if (response.statusCode() != 200) {
          ApiException refused = refusal(response);
          if (refused.status() < 500 && refused.status() != 429) {
            throw refused;
          }
          giveUpUnlessRecent(connected, refused);
          Thread.sleep(delayMillis);
          continue;
        }
        connected = Instant.now();
        int received = 0;
        try (Watched body = new Watched(response.body())) {
          var check = watchdog.scheduleAtFixedRate(() -> body.closeIfIdle(idleTimeout, deadline),
              200, 200, TimeUnit.MILLISECONDS);
          try {
            var reader = new SseReader(new BufferedReader(new InputStreamReader(body,
                StandardCharsets.UTF_8)), lastId);
            SseReader.Event event;
            while ((event = reader.next()) != null) {
              lastId = event.id() == null || event.id().isEmpty() ? lastId : event.id();
              received++;
              JsonNode data = data(event);
              onEvent.accept(data);
              if (terminal(data)) {
                return true;
              }
            }
            delayMillis = reader.retryMillis() == null ? delayMillis : reader.retryMillis();
          } finally {
            check.cancel(false);
          }
        } catch (IOException dropped) {
          // Dropped, or closed as idle by the watchdog: resume after the last event.
        }
        if (received == 0 && ended(executionId)) {
          return true;
        }
        Thread.sleep(Math.min(delayMillis, 5_000));
      }
      return false;
    } finally {
      watchdog.shutdownNow();
    }
  }

  /** Whether an event is the execution's last: {@code execution.completed}, and the like. */
  static boolean terminal(JsonNode event) {
    String type = event.path("type").asText("");
    int dot = type.lastIndexOf('.');
    return type.startsWith("execution.") && TERMINAL.contains(type.substring(dot + 1));
  }

  private boolean ended(String executionId) {
    return ENDED.contains(client.execution(executionId).path("status").asText());
  }

  private void giveUpUnlessRecent(Instant connected, RuntimeException why) {
    if (Duration.between(connected, Instant.now()).compareTo(giveUpAfter) > 0) {
      throw why;
    }
  }

  private static ApiException refusal(HttpResponse<InputStream> response) {
    try (InputStream body = response.body()) {
      return new ApiException(response.statusCode(), OrdoClient.parse(body.readAllBytes()));
    } catch (IOException e) {
      return new ApiException(response.statusCode(), null);
    }
  }

  private static JsonNode data(SseReader.Event event) {
    try {
      JsonNode data = OrdoClient.JSON.readTree(event.data());
      if (data != null && data.isObject()) {
        return data;
      }
    } catch (IOException notJson) {
      // Shown as text below.
    }
    ObjectNode wrapped = OrdoClient.JSON.createObjectNode();
    wrapped.put("type", event.type());
    wrapped.put("data", event.data());
    return wrapped;
  }

  /** A response body that knows when it last produced bytes, and can be closed when silent. */
  private static final class Watched extends FilterInputStream {
    private volatile long lastRead = System.nanoTime();

    Watched(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      lastRead = System.nanoTime();
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      lastRead = System.nanoTime();
      return n;
    }

    void closeIfIdle(Duration idleTimeout, Instant deadline) {
      boolean idle = System.nanoTime() - lastRead > idleTimeout.toNanos();
      if (idle || (deadline != null && Instant.now().isAfter(deadline))) {
        try {
          close();
        } catch (IOException e) {
          // Closing is all that is wanted here.
        }
      }
    }
  }
}
