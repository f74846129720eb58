package io.ordo.node.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server the default node runs: durable, exclusive, and robust to a killed node. */
class EmbeddedPostgresIT {

  @TempDir
  Path dir;

  @Test
  void keepsDataAcrossARestartAndRunsDurably() throws Exception {
    Path data = dir.resolve("postgres");
    try (var pg = EmbeddedPostgres.start(data, 0, Map.of())) {
      execute(pg, "CREATE TABLE kept (v int)", "INSERT INTO kept VALUES (42)");
      assertEquals("on", query(pg, "SHOW fsync"));
      assertEquals("on", query(pg, "SHOW synchronous_commit"));
    }
    try (var pg = EmbeddedPostgres.start(data, 0, Map.of())) {
      assertEquals("42", query(pg, "SELECT v FROM kept"));
    }
  }

  @Test
  void refusesASecondServerOnTheSameDirectory() {
    Path data = dir.resolve("postgres");
    try (var pg = EmbeddedPostgres.start(data, 0, Map.of("fsync", "off"))) {
      var error = assertThrows(IllegalStateException.class,
          () -> EmbeddedPostgres.start(data, 0, Map.of("fsync", "off")));
      assertTrue(error.getMessage().contains("in use by another Ordo node"), error.getMessage());
    }
  }

  @Test
  void stopsTheServerOfAKilledNodeAndStartsAgainOnItsData() throws Exception {
    Path data = dir.resolve("postgres");
    Process node = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), OrphanMaker.class.getName(),
        data.toString()).redirectErrorStream(true).start();
    try (var out = new BufferedReader(new InputStreamReader(node.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.equals("READY"));
      assertEquals("READY", line, "the node process never got its database up");
    }
    node.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    long orphan = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    assertTrue(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false),
        "the killed node left its server running");

    try (var pg = EmbeddedPostgres.start(data, 0, Map.of("fsync", "off"))) {
      assertFalse(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false));
      assertEquals("1", query(pg, "SELECT 1"));
    }
  }

  private static void execute(EmbeddedPostgres pg, String... sql) throws Exception {
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), EmbeddedPostgres.USER, "");
        Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    }
  }

  private static String query(EmbeddedPostgres pg, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), EmbeddedPostgres.USER, "");
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
