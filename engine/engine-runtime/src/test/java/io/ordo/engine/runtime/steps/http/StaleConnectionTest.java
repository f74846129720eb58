package io.ordo.engine.runtime.steps.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.typesafe.config.ConfigFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A kept-alive connection that the server closes just as the next request arrives: a GET goes
 * again on a new connection, a POST is reported (the server may have acted on it). The server
 * is a raw socket so that it can close at exactly that point.
 */
class StaleConnectionTest {

  private ActorTestKit testKit;
  private OutboundHttp http;
  private ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    testKit = ActorTestKit.create(ConfigFactory.load());
    http = new OutboundHttp(testKit.system(), HttpSettings.from(ConfigFactory.load()));
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::serve, "stale-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    testKit.shutdownTestKit();
  }

  /** The first connection answers one request, then closes on the second; others answer all. */
  private void serve() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        int number = connections.incrementAndGet();
        Thread handler = new Thread(() -> answer(socket, number), "stale-conn-" + number);
        handler.setDaemon(true);
        handler.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private static void answer(Socket socket, int connection) {
    try (socket) {
      var in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
          StandardCharsets.ISO_8859_1));
      OutputStream out = socket.getOutputStream();
      for (int request = 1; ; request++) {
        int length = 0;
        String line = in.readLine();
        if (line == null) {
          return;
        }
        while (!(line = in.readLine()).isEmpty()) {
          if (line.toLowerCase().startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).trim());
          }
        }
        in.skip(length);
        if (connection == 1 && request == 2) {
          return;
        }
        out.write(("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nc" + connection)
            .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
    } catch (IOException | RuntimeException gone) {
      // The client went away; nothing to answer.
    }
  }

  private HttpResult call(String method) throws Exception {
    var request = new OutboundRequest(method,
        URI.create("http://127.0.0.1:" + server.getLocalPort() + "/x"), List.of(),
        method.equals("POST") ? new byte[] {'{', '}'} : null, null);
    return http.send(request, java.time.Duration.ofSeconds(10)).result().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void anIdempotentRequestGoesAgainOnANewConnection() throws Exception {
    assertEquals("c1", new String(((HttpResult.Response) call("GET")).body()));
    assertEquals("c2", new String(((HttpResult.Response) call("GET")).body()));
    assertEquals(2, connections.get());
  }

  @Test
  void aPostIsNotSentTwice() throws Exception {
    assertInstanceOf(HttpResult.Response.class, call("POST"));
    assertInstanceOf(HttpResult.ConnectionFailed.class, call("POST"));
    assertEquals(1, connections.get());
  }
}
