package io.ordo.bench.workload;

import static io.ordo.bench.Fmt.f2;

import io.ordo.bench.Harness;
import io.ordo.bench.Load;
import io.ordo.bench.Percentiles;
import io.ordo.bench.Results;
import io.ordo.bench.Workload;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/executions} filter + page latency with 1,000,000 executions in the history
 * table. The rows are generated in SQL straight into {@code executions} (running a million
 * executions through the engine would take hours here), spread over 20 workflows, 50 triggering
 * users, 30 days and the terminal statuses. Skips with a note when the node has no history yet.
 */
public final class HistoryQueryWorkload implements Workload {

  /** Start times are this far apart, newest first: 1,000,000 rows span 30 days. */
  static final long SPACING_MS = 2592;
  static final Pattern CURSOR = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");

  /** One query shape: a name and the query string of its first page. */
  record Query(String name, String query) {}

  @Override
  public String name() {
    return "history";
  }

  @Override
  public String title() {
    return "history query, 1M executions";
  }

  @Override
  public Needs needs() {
    return Needs.NODE;
  }

  @Override
  public void run(Harness h) throws Exception {
    HttpResponse<String> probe = h.load().get("/api/v1/executions?limit=1");
    if (probe.statusCode() != 200 || !probe.body().contains("\"items\"")) {
      throw new Unavailable("GET /api/v1/executions?limit=1 answered " + probe.statusCode());
    }
    if (!tableExists(h.db().ordo())) {
      throw new Unavailable("no executions table in the node's database");
    }
    int rows = h.quick() ? 20_000 : 1_000_000;
    long t0 = System.nanoTime();
    fill(h.db().ordo(), rows);
    double fillSeconds = (System.nanoTime() - t0) / 1e9;
    long total = count(h.db().ordo());
    Harness.log("history: %,d rows generated in %.1f s (%,d in the table)", rows, fillSeconds,
        total);
    // A thirtieth of the generated span (a day of 30 at full size), a week back at full size.
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long span = SPACING_MS * rows;
    Instant from = now.minusMillis(span * 7 / 30);
    String weekAgo = URLEncoder.encode(from.toString(), StandardCharsets.UTF_8);
    String dayAgo = URLEncoder.encode(from.plusMillis(span / 30).toString(),
        StandardCharsets.UTF_8);
    var queries = List.of(
        new Query("newest first, no filter", "limit=50"),
        new Query("one workflow", "workflowId=bench-hist-7&limit=50"),
        new Query("one workflow, FAILED", "workflowId=bench-hist-7&status=FAILED&limit=50"),
        new Query("two statuses (merged scans)", "status=FAILED,CANCELLED&limit=50"),
        new Query("one trigger, one day", "triggeredBy=user-13&from=" + weekAgo + "&to="
            + dayAgo + "&limit=50"),
        new Query("one workflow, page 5 via cursor", "workflowId=bench-hist-3&limit=50"));
    int repeats = h.quick() ? 20 : 200;
    var md = new StringBuilder(String.format(Locale.ROOT, """
        %,d executions generated in SQL into `executions` (%.1f s, %,d rows in the table with
        the run's own), then each query %d times closed loop at 1 in flight over HTTP; latency
        from the call to the full answer. The cursor query follows `nextCursor` to the fifth
        page and times that request.

        | query | p50 ms | p95 ms | p99 ms | max ms | items on the page |
        |---|---|---|---|---|---|
        """, rows, fillSeconds, total, repeats));
    var raw = new LinkedHashMap<String, Object>();
    double worstP95 = 0;
    for (Query q : queries) {
      String path = "/api/v1/executions?" + q.query();
      if (q.name().contains("cursor")) {
        path = pageFive(h.load(), path);
      }
      long[] nanos = new long[repeats];
      int items = 0;
      for (int i = 0; i < repeats; i++) {
        long start = System.nanoTime();
        HttpResponse<String> r = h.load().get(path);
        nanos[i] = System.nanoTime() - start;
        if (r.statusCode() != 200) {
          throw new IllegalStateException(path + ": HTTP " + r.statusCode() + " " + r.body());
        }
        items = countItems(r.body());
      }
      Percentiles p = Percentiles.ofNanos(nanos);
      double p95 = p.p95();
      worstP95 = Math.max(worstP95, p95);
      raw.put(q.name(), Map.of("query", q.query(), "latencyMs", p, "p95Ms", p95));
      md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.1f | %d |%n",
          q.name(), p.p50(), p95, p.p99(), p.max(), items));
      h.results().row(title(), q.name() + ": p50 / p95 / p99 (ms)",
          f2(p.p50()) + " / " + f2(p95) + " / " + f2(p.p99()));
    }
    h.results().put("history", Map.of("rowsGenerated", rows, "rowsInTable", total,
        "fillSeconds", fillSeconds, "queries", raw));
    h.results().goal(Results.Goal.HISTORY_QUERY, "worst p95 " + f2(worstP95) + " ms over "
        + queries.size() + " query shapes, " + String.format(Locale.ROOT, "%,d", total)
        + " rows", worstP95 < 50 && total >= 1_000_000);
    h.results().section("History query at 1M executions", md.toString());
  }

  private static String pageFive(Load load, String first) throws Exception {
    String path = first;
    for (int page = 1; page < 5; page++) {
      HttpResponse<String> r = load.get(path);
      Matcher m = CURSOR.matcher(r.body());
      if (r.statusCode() != 200 || !m.find()) {
        throw new IllegalStateException("no next page after page " + page + " of " + first);
      }
      path = first + "&cursor=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }
    return path;
  }

  private static int countItems(String body) {
    int n = 0;
    for (int i = body.indexOf("\"workflowId\""); i >= 0; i = body.indexOf("\"workflowId\"",
        i + 1)) {
      n++;
    }
    return n;
  }

  private static boolean tableExists(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT to_regclass('executions') IS NOT NULL")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private static long count(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM executions")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Rows shaped like the history projection's, in chunks so no transaction grows huge. Columns
   * this harness does not know (the read side is still growing) get a value of their type when
   * they are NOT NULL without a default, so a new column does not break the workload.
   */
  private static void fill(Connection c, int rows) throws SQLException {
    var known = new LinkedHashMap<String, String>();
    known.put("execution_id", "md5('bench-hist-' || i)::uuid::text");
    known.put("workspace_id", "'default'");
    known.put("workflow_id", "'bench-hist-' || (i % 20)");
    known.put("version", "1 + (i % 3)");
    // s: a per-row number 0..99 independent of i's residues (workflow, trigger): 5 % FAILED,
    // 5 % CANCELLED, 2 % still RUNNING, the rest COMPLETED.
    known.put("status", "CASE WHEN s < 5 THEN 'FAILED' WHEN s < 10 THEN 'CANCELLED'"
        + " WHEN s < 12 THEN 'RUNNING' ELSE 'COMPLETED' END");
    known.put("triggered_by", "'user-' || (abs(hashtext('u' || i)) % 50)");
    known.put("started_at", "t");
    known.put("ended_at", "CASE WHEN s BETWEEN 10 AND 11 THEN NULL"
        + " ELSE t + interval '40 milliseconds' END");
    known.put("duration_ms", "CASE WHEN s BETWEEN 10 AND 11 THEN NULL ELSE 40 END");
    known.put("error_class", "CASE WHEN s < 5 THEN 'HTTP_5XX' END");
    known.put("error_message", "CASE WHEN s < 5 THEN 'agent answered 503' END");
    known.put("error_step_id", "CASE WHEN s < 5 THEN 's2' END");
    known.put("input_summary", "'{\"orderId\":\"ord-' || i || '\",\"amount\":129.95}'");
    known.put("output_summary", "'{\"ok\":true}'");
    known.put("retries", "0");
    known.put("step_count", "3");
    known.put("updated_at", "t");
    known.put("last_seq", "5");
    var columns = new ArrayList<String>();
    var values = new ArrayList<String>();
    try (ResultSet rs = c.getMetaData().getColumns(null, null, "executions", null)) {
      while (rs.next()) {
        String name = rs.getString("COLUMN_NAME");
        boolean required = "NO".equals(rs.getString("IS_NULLABLE"))
            && rs.getString("COLUMN_DEF") == null;
        if (known.containsKey(name)) {
          columns.add(name);
          values.add(known.get(name));
        } else if (required) {
          columns.add(name);
          values.add(defaultOf(rs.getString("TYPE_NAME")));
        }
      }
    }
    String insert = "INSERT INTO executions (" + String.join(", ", columns) + ") SELECT "
        + String.join(", ", values) + " FROM (SELECT i, abs(hashtext('s' || i)) % 100 AS s,"
        + " now() - (i * interval '" + SPACING_MS + " milliseconds') AS t"
        + " FROM generate_series(?, ?) AS i) g";
    int chunk = 100_000;
    // The secondary indexes are built once after the load rather than row by row: the same
    // indexes (their definitions read back from the catalog), in about half the time.
    List<String> indexes = secondaryIndexes(c);
    try (Statement s = c.createStatement()) {
      s.execute("SET maintenance_work_mem = '256MB'");
      for (String name : indexes.stream().map(d -> d.split(" ")[2]).toList()) {
        s.execute("DROP INDEX " + name);
      }
    }
    try (var ps = c.prepareStatement(insert)) {
      for (int from = 0; from < rows; from += chunk) {
        ps.setInt(1, from);
        ps.setInt(2, Math.min(rows, from + chunk) - 1);
        ps.executeUpdate();
      }
    }
    try (Statement s = c.createStatement()) {
      for (String definition : indexes) {
        s.execute(definition);
      }
      s.execute("ANALYZE executions");
    }
  }

  /** {@code CREATE INDEX} statements of the table's indexes other than its primary key. */
  static List<String> secondaryIndexes(Connection c) throws SQLException {
    var definitions = new ArrayList<String>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT i.indexdef FROM pg_indexes i"
            + " JOIN pg_class x ON x.relname = i.indexname JOIN pg_index p ON p.indexrelid = x.oid"
            + " WHERE i.tablename = 'executions' AND i.schemaname = current_schema()"
            + " AND NOT p.indisprimary AND NOT p.indisunique")) {
      while (rs.next()) {
        definitions.add(rs.getString(1));
      }
    }
    return definitions;
  }

  /** A value of a column type, for required columns the harness does not know. */
  static String defaultOf(String type) {
    String t = type.toLowerCase(Locale.ROOT);
    if (t.startsWith("int") || t.equals("bigint") || t.equals("smallint")
        || t.startsWith("float") || t.equals("numeric")) {
      return "0";
    }
    if (t.startsWith("timestamp")) {
      return "t";
    }
    if (t.equals("bool")) {
      return "false";
    }
    if (t.equals("jsonb") || t.equals("json")) {
      return "'{}'";
    }
    return "''";
  }
}
