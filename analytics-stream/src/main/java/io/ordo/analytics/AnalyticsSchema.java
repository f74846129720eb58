package io.ordo.analytics;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The read side's tables (history today; rollups with the analytics work), migrated by Flyway in
 * a history table of their own after the engine's schema. Everything here is derived from the
 * journal, so a migration may drop and recreate tables that a rebuild then refills.
 */
public final class AnalyticsSchema {

  private AnalyticsSchema() {}

  public static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/analytics")
        .table("flyway_analytics_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
