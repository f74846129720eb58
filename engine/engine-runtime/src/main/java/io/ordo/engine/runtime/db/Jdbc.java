package io.ordo.engine.runtime.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/**
 * Blocking JDBC work kept off actor and HTTP threads: every call runs on a dedicated executor
 * (a Pekko dispatcher sized to the connection pool) and answers a CompletionStage.
 */
public final class Jdbc {

  /** A unit of JDBC work over one connection. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;
  private final Executor executor;

  public Jdbc(DataSource dataSource, Executor executor) {
    this.dataSource = dataSource;
    this.executor = executor;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Runs work in autocommit mode. */
  public <T> CompletionStage<T> query(Work<T> work) {
    return CompletableFuture.supplyAsync(() -> {
      try (Connection c = dataSource.getConnection()) {
        return work.apply(c);
      } catch (SQLException e) {
        throw new CompletionException(e);
      }
    }, executor);
  }

  /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
  public <T> CompletionStage<T> transaction(Work<T> work) {
    return CompletableFuture.supplyAsync(() -> {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try {
          T result = work.apply(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        }
      } catch (SQLException e) {
        throw new CompletionException(e);
      }
    }, executor);
  }
}
