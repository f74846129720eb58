package io.ordo.engine.runtime.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far each projection (history, audit, wake-up index) trails the journal, read from the
 * offsets the projections store: the events written to their tags after the stored offset, and
 * the age of the oldest of them. Computed from the database, not from the projections' own
 * memory, so any node reports the whole cluster's lag, wherever the projection instances run.
 */
final class ProjectionLag {

  private static final Logger LOG = LoggerFactory.getLogger(ProjectionLag.class);

  // Per offset row, the tag's head and the first event past the offset; both by the
  // (tag, event_id) index, so the query costs a few index probes per bucket.
  private static final String SQL = """
      SELECT o.projection_name,
             sum(GREATEST(0, coalesce(head.id, 0) - o.current_offset::bigint)) AS events,
             max(CASE WHEN nxt.ts IS NULL THEN 0
                      ELSE GREATEST(0, (extract(epoch FROM clock_timestamp()) * 1000)::bigint
                                       - nxt.ts) END) AS age_ms
      FROM pekko_projection_offset_store o
      LEFT JOIN LATERAL (SELECT max(t.event_id) AS id FROM event_tag t
                         WHERE t.tag = o.projection_key) head ON true
      LEFT JOIN LATERAL (SELECT j.write_timestamp AS ts FROM event_tag t
                         JOIN event_journal j ON j.ordering = t.event_id
                         WHERE t.tag = o.projection_key AND t.event_id > o.current_offset::bigint
                         ORDER BY t.event_id LIMIT 1) nxt ON true
      WHERE o.manifest = 'SEQ'
      GROUP BY o.projection_name
      """;

  private final DataSource dataSource;
  private final MeterRegistry registry;
  private final Map<String, AtomicLong> events = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> ageMs = new ConcurrentHashMap<>();

  ProjectionLag(DataSource dataSource, MeterRegistry registry) {
    this.dataSource = dataSource;
    this.registry = registry;
  }

  void refresh() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement = c.prepareStatement(SQL)) {
      statement.setQueryTimeout(5);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          String name = rows.getString(1);
          gauge(events, name, "ordo.projection.lag.events",
              "Events written to the journal that the projection has not processed yet")
              .set(rows.getLong(2));
          gauge(ageMs, name, "ordo.projection.lag.seconds",
              "Age of the oldest event the projection has not processed yet")
              .set(rows.getLong(3));
        }
      }
    } catch (SQLException e) {
      // A scrape must still answer with everything else; the gauges keep their last values.
      LOG.warn("Could not read projection offsets for the lag metrics: {}", e.getMessage());
    }
  }

  private AtomicLong gauge(Map<String, AtomicLong> values, String projection, String name,
      String description) {
    return values.computeIfAbsent(projection, p -> {
      AtomicLong value = new AtomicLong();
      boolean seconds = name.endsWith("seconds");
      Gauge.builder(name, value, v -> seconds ? v.get() / 1000.0 : v.get())
          .description(description)
          .tag("projection", p)
          .register(registry);
      return value;
    });
  }
}
