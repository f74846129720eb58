package io.ordo.engine.runtime.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The engine's tables (journal, snapshots, projection offsets, definitions, audit, wake-ups),
 * migrated by Flyway with a history table of their own, so other modules can own theirs.
 * Flyway's lock makes concurrent starts of several nodes safe.
 */
public final class EngineSchema {

  private EngineSchema() {}

  public static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/engine")
        .table("flyway_engine_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
