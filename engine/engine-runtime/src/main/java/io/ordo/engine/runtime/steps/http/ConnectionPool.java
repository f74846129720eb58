package io.ordo.engine.runtime.steps.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.settings.ClientConnectionSettings;
import org.apache.pekko.stream.Materializer;

/**
 * Keeps HTTP/1.1 connections open between calls, per scheme, host and port. A call takes a
 * connection for itself ({@link #acquire}) and gives it back when its response has been read in
 * full ({@link #release}); an aborted or failed connection is simply dropped.
 *
 * <p>Idle connections are reused most-recently-used first and closed after
 * {@code idle-timeout}, so a burst leaves no lingering sockets. The number of connections in use
 * is not capped here: the steps running at once bound it.
 */
final class ConnectionPool {

  /** Where connections go. */
  record Target(boolean https, String host, int port) {
    @Override
    public String toString() {
      return (https ? "https://" : "http://") + host + ":" + port;
    }
  }

  private final ActorSystem<?> system;
  private final Http http;
  private final Materializer materializer;
  private final ClientConnectionSettings connectionSettings;
  private final HttpSettings settings;
  private final Map<Target, Deque<PooledConnection>> idle = new ConcurrentHashMap<>();

  ConnectionPool(ActorSystem<?> system, HttpSettings settings) {
    this.system = system;
    this.http = Http.get(system);
    this.materializer = Materializer.matFromSystem(system);
    this.settings = settings;
    // Deadlines are per attempt (OutboundHttp), so the connection's own idle timeout is off: it
    // would cut a legitimately slow call that a step allows more time.
    this.connectionSettings = ClientConnectionSettings.create(system.settings().config())
        .withConnectingTimeout(settings.connectingTimeout())
        .withIdleTimeout(scala.concurrent.duration.Duration.Inf());
  }

  /** An idle open connection to {@code target}, else a new one. */
  PooledConnection acquire(Target target) {
    Deque<PooledConnection> deque = idle(target);
    synchronized (deque) {
      PooledConnection connection;
      while ((connection = deque.pollFirst()) != null) {
        if (connection.isOpen()) {
          return connection;
        }
      }
    }
    return open(target);
  }

  /** A new connection, never one used before. */
  PooledConnection open(Target target) {
    return PooledConnection.open(http, target, connectionSettings, materializer);
  }

  /** Gives back a connection whose last response was read in full and did not ask to close. */
  void release(Target target, PooledConnection connection) {
    if (!connection.isOpen()) {
      return;
    }
    Deque<PooledConnection> deque = idle(target);
    long stamp = System.nanoTime();
    synchronized (deque) {
      if (deque.size() >= settings.maxIdlePerHost()) {
        connection.close();
        return;
      }
      connection.markIdle(stamp);
      deque.addFirst(connection);
    }
    system.scheduler().scheduleOnce(settings.idleTimeout(),
        () -> expire(target, connection, stamp), system.executionContext());
  }

  /** Closes the connection if it has stayed idle since {@code stamp}. */
  private void expire(Target target, PooledConnection connection, long stamp) {
    Deque<PooledConnection> deque = idle(target);
    synchronized (deque) {
      if (connection.idleSince() != stamp || !deque.remove(connection)) {
        return;
      }
    }
    connection.close();
  }

  private Deque<PooledConnection> idle(Target target) {
    return idle.computeIfAbsent(target, t -> new ArrayDeque<>());
  }
}
