package io.ordo.node.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the event journal directly, to prove what was (and was not) persisted. */
public final class Journal {

  private Journal() {}

  /** How many events of the given type the execution's journal holds. */
  public static int count(String dbUrl, String executionId, String eventType) {
    try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
        PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM event_journal"
            + " WHERE persistence_id = ? AND event_ser_manifest LIKE ?")) {
      ps.setString(1, "Execution|" + executionId);
      ps.setString(2, "%$" + eventType);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many rows a query counts, e.g. to show that nothing was stored. */
  public static long countRows(String dbUrl, String sql) {
    try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
