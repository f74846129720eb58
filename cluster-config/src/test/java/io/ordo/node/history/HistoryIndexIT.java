package io.ordo.node.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.analytics.AnalyticsSchema;
import io.ordo.engine.model.Json;
import io.ordo.http.dto.HistoryMetricsView;
import io.ordo.http.service.ExecutionFilter;
import io.ordo.http.service.ExecutionListQuery;
import io.ordo.http.service.HistoryCursor;
import io.ordo.http.service.WorkflowMetricsQuery;
import io.ordo.node.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The list queries of {@code GET /executions} read an index in keyset order, with no sequential
 * scan and no sort of the matches, on a table filled with {@code ordo.history.rows} executions
 * (100,000 by default; run with {@code -Dordo.history.rows=1000000} for the figures in
 * docs/telemetry.md). Each query's plan and time are printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryIndexIT {

  private static final int ROWS = Integer.getInteger("ordo.history.rows", 100_000);
  private static final String WS = "default";
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  private PGSimpleDataSource dataSource;

  @BeforeAll
  void fill() throws SQLException {
    dataSource = new PGSimpleDataSource();
    dataSource.setURL(TestPostgres.freshDatabase());
    dataSource.setUser("postgres");
    AnalyticsSchema.migrate(dataSource);
    long started = System.nanoTime();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      // Filling without the indexes and building them after is several times faster; their
      // definitions are read back from the migrated schema, which stays the one source.
      var indexes = new java.util.LinkedHashMap<String, String>();
      try (ResultSet rs = s.executeQuery("SELECT indexname, indexdef FROM pg_indexes"
          + " WHERE tablename = 'executions' AND indexname <> 'executions_pkey'")) {
        while (rs.next()) {
          indexes.put(rs.getString(1), rs.getString(2));
        }
      }
      assertEquals(5, indexes.size(), indexes::toString);
      for (String name : indexes.keySet()) {
        s.execute("DROP INDEX " + name);
      }
      // One execution a second going back from NOW; 50 workflows, 3 versions, 3 triggers, a
      // seventh in another workspace, statuses mostly COMPLETED as in real life.
      s.execute("INSERT INTO executions (execution_id, workspace_id, workflow_id, version,"
          + " status, triggered_by, started_at, ended_at, duration_ms, updated_at, last_seq,"
          + " step_count)"
          + " SELECT md5(i::text)::uuid::text, CASE WHEN i % 7 = 0 THEN 'other' ELSE '" + WS
          + "' END, 'wf-' || (i % 50), 1 + i % 3,"
          + " (ARRAY['COMPLETED','COMPLETED','COMPLETED','COMPLETED','FAILED','RUNNING',"
          + "'CANCELLED','TIMED_OUT'])[1 + i % 8], (ARRAY['shop','cron','api'])[1 + i % 3],"
          + " timestamptz '" + NOW + "' - i * interval '1 second',"
          + " timestamptz '" + NOW + "' - i * interval '1 second' + (i % 997) * interval '1 ms',"
          + " i % 997, timestamptz '" + NOW + "', 10, 2"
          + " FROM generate_series(1, " + ROWS + ") AS i");
      // Steps for one workflow's executions, for the metrics query.
      s.execute("INSERT INTO execution_steps (execution_id, step_id, item, type, status,"
          + " attempts, duration_ms, first_seq)"
          + " SELECT e.execution_id, st.id, -1, 'DATA_TRANSFORM', CASE WHEN e.status = 'FAILED'"
          + " AND st.id = 'b' THEN 'FAILED' ELSE 'COMPLETED' END, 1, e.duration_ms / 2, st.seq"
          + " FROM executions e CROSS JOIN (VALUES ('a', 2), ('b', 3)) AS st(id, seq)"
          + " WHERE e.workflow_id = 'wf-8'");
      for (String definition : indexes.values()) {
        s.execute(definition);
      }
      s.execute("ANALYZE executions");
      s.execute("ANALYZE execution_steps");
    }
    System.out.printf("filled %,d executions in %d ms%n", ROWS,
        (System.nanoTime() - started) / 1_000_000);
  }

  private static ExecutionFilter filter(String workflowId, Integer version, List<String> statuses,
      Instant from, Instant to, String trigger, HistoryCursor cursor) {
    return new ExecutionFilter(workflowId, version, statuses, from, to, trigger, 50, cursor);
  }

  /** The plan of the query for {@code f}, run for real, printed with its time. */
  private JsonNode explain(String name, ExecutionFilter f) throws Exception {
    var statement = ExecutionListQuery.statement(WS, f);
    var explained = new ExecutionListQuery.Statement(
        "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + statement.sql(), statement.parameters());
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = explained.prepare(c); ResultSet rs = ps.executeQuery()) {
      rs.next();
      JsonNode plan = Json.mapper().readTree(rs.getString(1)).get(0);
      System.out.printf("%-28s %7.3f ms  %s%n", name, plan.get("Execution Time").asDouble(),
          nodes(plan.get("Plan"), new ArrayList<>()));
      return plan;
    }
  }

  /** Each plan node as "type(index)", depth first. */
  private static List<String> nodes(JsonNode node, List<String> out) {
    out.add(node.get("Node Type").asText()
        + (node.has("Index Name") ? "(" + node.get("Index Name").asText() + ")" : ""));
    node.path("Plans").forEach(child -> nodes(child, out));
    return out;
  }

  /** Reads {@code index} in order: no sequential scan, no sort, no bitmap heap scan. */
  private static void assertReadsInOrder(JsonNode plan, String index) {
    List<String> nodes = nodes(plan.get("Plan"), new ArrayList<>());
    assertTrue(nodes.contains("Index Scan(" + index + ")"), () -> "uses " + index + ": " + nodes);
    for (String node : nodes) {
      assertFalse(node.startsWith("Seq Scan") || node.startsWith("Sort")
          || node.startsWith("Bitmap"), () -> "reads in index order: " + nodes);
    }
  }

  @Test
  void eachFilterReadsItsIndexInKeysetOrder() throws Exception {
    Instant from = NOW.minus(20, ChronoUnit.HOURS);
    Instant to = NOW.minus(2, ChronoUnit.HOURS);
    assertReadsInOrder(explain("newest", filter(null, null, List.of(), null, null, null, null)),
        "executions_recent_idx");
    assertReadsInOrder(explain("time range", filter(null, null, List.of(), from, to, null,
        null)), "executions_recent_idx");
    assertReadsInOrder(explain("workflow", filter("wf-8", null, List.of(), null, null, null,
        null)), "executions_workflow_idx");
    assertReadsInOrder(explain("workflow+version", filter("wf-8", 2, List.of(), null, null, null,
        null)), "executions_workflow_idx");
    assertReadsInOrder(explain("workflow+status", filter("wf-8", null, List.of("FAILED"), null,
        null, null, null)), "executions_workflow_status_idx");
    assertReadsInOrder(explain("status", filter(null, null, List.of("TIMED_OUT"), null, null,
        null, null)), "executions_status_idx");
    assertReadsInOrder(explain("trigger", filter(null, null, List.of(), null, null, "cron",
        null)), "executions_trigger_idx");
    assertReadsInOrder(explain("workflow+status+range", filter("wf-8", null, List.of("FAILED"),
        from, to, null, null)), "executions_workflow_status_idx");
  }

  @Test
  void aLaterPageStartsBelowTheCursorInTheIndex() throws Exception {
    var cursor = new HistoryCursor(NOW.minus(10, ChronoUnit.HOURS), "0");
    JsonNode plan = explain("page below cursor", filter(null, null, List.of(), null, null, null,
        cursor));
    assertReadsInOrder(plan, "executions_recent_idx");
    JsonNode scan = findScan(plan.get("Plan"));
    assertTrue(scan.get("Index Cond").asText().contains("started_at"),
        () -> "the cursor bounds the index range: " + scan);
    assertEquals(51, scan.get("Actual Rows").asInt(), "reads one page (and one row more)");
  }

  @Test
  void severalStatusesMergeOneOrderedScanPerStatus() throws Exception {
    JsonNode plan = explain("two statuses", filter("wf-8", null, List.of("FAILED", "CANCELLED"),
        null, null, null, null));
    List<String> nodes = nodes(plan.get("Plan"), new ArrayList<>());
    assertEquals(2, nodes.stream()
        .filter(n -> n.equals("Index Scan(executions_workflow_status_idx)")).count(),
        () -> nodes.toString());
    assertFalse(nodes.stream().anyMatch(n -> n.startsWith("Seq Scan")), nodes::toString);
  }

  @Test
  void metricsOfOneWorkflowCountItsExecutionsAndSteps() throws Exception {
    long started = System.nanoTime();
    HistoryMetricsView metrics;
    try (Connection c = dataSource.getConnection()) {
      metrics = WorkflowMetricsQuery.run(c,
          new WorkflowMetricsQuery.Scope(WS, "wf-8", null, null, null), List.of("a", "b"));
    }
    System.out.printf("%-28s %7.3f ms  (%,d executions)%n", "metrics wf-8",
        (System.nanoTime() - started) / 1e6, metrics.total());
    long expected = countWhere("workspace_id = '" + WS + "' AND workflow_id = 'wf-8'");
    assertEquals(expected, metrics.total());
    assertEquals(Set.of("a", "b"), Set.copyOf(metrics.steps().stream()
        .map(HistoryMetricsView.StepMetrics::stepId).toList()));
  }

  private long countWhere(String condition) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM executions WHERE " + condition)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static JsonNode findScan(JsonNode node) {
    if (node.get("Node Type").asText().startsWith("Index")) {
      return node;
    }
    for (JsonNode child : node.path("Plans")) {
      JsonNode scan = findScan(child);
      if (scan != null) {
        return scan;
      }
    }
    return null;
  }
}
