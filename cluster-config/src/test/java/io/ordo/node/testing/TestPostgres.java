package io.ordo.node.testing;

import io.ordo.node.db.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (the same embedded server the product runs, with
 * durability off because test data is thrown away), and a fresh database per caller, so test
 * classes never see each other's rows.
 */
public final class TestPostgres {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  public static synchronized String freshDatabase() {
    String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(adminUrl(), EmbeddedPostgres.USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return "jdbc:postgresql://127.0.0.1:" + server().port() + "/" + name;
  }

  private static String adminUrl() {
    return "jdbc:postgresql://127.0.0.1:" + server().port() + "/postgres";
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      server = EmbeddedPostgres.start(Path.of("target", "test-postgres", "data"), 0,
          Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-postgres-stop"));
    }
    return server;
  }
}
