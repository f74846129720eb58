package io.ordo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import io.ordo.node.OrdoNode;
import io.ordo.node.db.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real node for the command line to talk to: the product's composition root over a fresh
 * database of one embedded PostgreSQL per test JVM (durability off: test data is thrown away),
 * HTTP on a free loopback port.
 */
final class TestNode implements AutoCloseable {

  private static final AtomicInteger COUNT = new AtomicInteger();
  private static EmbeddedPostgres postgres;
  private static final List<TestNode> RUNNING = new ArrayList<>();

  private final OrdoNode node;
  private final HttpClient http = HttpClient.newHttpClient();

  private TestNode(OrdoNode node) {
    this.node = node;
  }

  static TestNode start() {
    int n = COUNT.incrementAndGet();
    String db = freshDatabase("cli_" + ProcessHandle.current().pid() + "_" + n);
    var overrides = new HashMap<String, Object>();
    overrides.put("ordo.db.url", db);
    overrides.put("ordo.db.user", EmbeddedPostgres.USER);
    overrides.put("ordo.data-dir", Path.of("target", "test-nodes", "node-"
        + ProcessHandle.current().pid() + "-" + n).toString());
    overrides.put("ordo.http.host", "127.0.0.1");
    overrides.put("ordo.http.port", 0);
    overrides.put("pekko.remote.artery.canonical.port", 0);
    overrides.put("ordo.engine.wakeup.poll-interval", "200ms");
    overrides.put("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off");
    TestNode started = new TestNode(OrdoNode.start(ConfigFactory.parseMap(overrides)));
    synchronized (TestNode.class) {
      RUNNING.add(started);
    }
    return started;
  }

  /** {@code http://127.0.0.1:<port>}: what {@code --server} is given. */
  String url() {
    return "http://127.0.0.1:" + node.httpPort();
  }

  /** Registers an agent (POST /api/v1/agents) at {@code baseUrl}. */
  void registerAgent(String id, String baseUrl) {
    String body = "{\"id\": \"" + id + "\", \"baseUrl\": \"" + baseUrl + "\"}";
    HttpResponse<String> response = send(HttpRequest.newBuilder(api("/agents"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    if (response.statusCode() != 201) {
      throw new AssertionError("agent " + id + " not registered: " + response.body());
    }
  }

  /** GET on the API, as JSON; fails the test unless 200. */
  JsonNode get(String path) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(api(path)).GET());
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + path + ": " + response.statusCode() + " "
          + response.body());
    }
    try {
      return OrdoClient.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** POSTs JSON to the API; answers the status. */
  int post(String path, String json) {
    return send(HttpRequest.newBuilder(api(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))).statusCode();
  }

  /** The status a GET on the API answers. */
  int status(String path) {
    return send(HttpRequest.newBuilder(api(path)).GET()).statusCode();
  }

  @Override
  public void close() {
    synchronized (TestNode.class) {
      RUNNING.remove(this);
    }
    node.close();
  }

  private URI api(String path) {
    return URI.create(url() + "/api/v1" + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static synchronized String freshDatabase(String name) {
    if (postgres == null) {
      postgres = EmbeddedPostgres.start(Path.of("target", "test-postgres", "data"), 0,
          Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));
      // Nodes still running at exit (shared ones) stop before the database they use.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        List<TestNode> left;
        synchronized (TestNode.class) {
          left = new ArrayList<>(RUNNING);
        }
        left.forEach(TestNode::close);
        postgres.close();
      }, "test-nodes-stop"));
    }
    String base = "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/";
    try (Connection c = DriverManager.getConnection(base + "postgres", EmbeddedPostgres.USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return base + name;
  }
}
