package io.ordo.node.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ordo.analytics.AnalyticsSchema;
import io.ordo.engine.runtime.db.EngineSchema;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The node's database: the embedded server or an external PostgreSQL, a connection pool for the
 * node's own JDBC work, and the engine's schema migrated. The journal plugin has its own pool
 * (configured from the same URL). The read side's schema follows the engine's.
 */
public final class Database implements AutoCloseable {

  private final DatabaseSettings settings;
  private final EmbeddedPostgres embedded;
  private final String url;
  private final HikariDataSource pool;

  private Database(DatabaseSettings settings, EmbeddedPostgres embedded, String url,
      HikariDataSource pool) {
    this.settings = settings;
    this.embedded = embedded;
    this.url = url;
    this.pool = pool;
  }

  public static Database open(DatabaseSettings settings) {
    EmbeddedPostgres embedded = settings.embedded() ? EmbeddedPostgres.start(
        settings.embeddedDir(), settings.embeddedPort(), settings.embeddedServerConfig()) : null;
    String url = embedded != null ? embedded.jdbcUrl() : settings.url();
    String user = embedded != null ? EmbeddedPostgres.USER : settings.user();
    String password = embedded != null ? "" : settings.password();
    HikariDataSource pool = null;
    try {
      var config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setUsername(user);
      config.setPassword(password);
      config.setMaximumPoolSize(settings.poolSize());
      config.setPoolName("ordo");
      pool = new HikariDataSource(config);
      EngineSchema.migrate(pool);
      AnalyticsSchema.migrate(pool);
      return new Database(settings, embedded, url, pool);
    } catch (RuntimeException e) {
      if (pool != null) {
        pool.close();
      }
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
  }

  public DataSource dataSource() {
    return pool;
  }

  public String url() {
    return url;
  }

  public String user() {
    return embedded != null ? EmbeddedPostgres.USER : settings.user();
  }

  public String password() {
    return embedded != null ? "" : settings.password();
  }

  public Optional<EmbeddedPostgres> embedded() {
    return Optional.ofNullable(embedded);
  }

  /** Closes the pool, then stops the embedded server: call after the actor system is gone. */
  @Override
  public void close() {
    pool.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
