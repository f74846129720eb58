package io.ordo.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run measured: the report's rows, the goals of the benchmark issue, the raw
 * figures for the JSON, the per-workload sections of the report, and what could not be measured.
 */
public final class Results {

  /** One line of the report's main table. */
  public record Row(String workload, String figure, String value, String baseline,
      String ratio) {}

  /** The goals of the benchmark issue (issue 5), reported against, never asserted. */
  public enum Goal {
    P3_THROUGHPUT("P3 at 32 in flight", "≥ 1,000 executions/s"),
    P3_LATENCY("P3 at 1 in flight", "p50 < 10 ms and p99 < 25 ms"),
    STEP_OVERHEAD("per-step overhead", "p99 < 25 ms"),
    SSE_DELIVERY("SSE persist-to-delivery delay", "p99 < 100 ms"),
    HISTORY_QUERY("GET /api/v1/executions filter + page, 1M executions", "p95 < 50 ms"),
    PARKED_HEAP("100,000 executions waiting", "< 1 GB heap (read as 1,000 MiB)");

    public final String what;
    public final String target;

    Goal(String what, String target) {
      this.what = what;
      this.target = target;
    }
  }

  /** "1 GB" of the heap goal, read conservatively. */
  public static final double ONE_GB_MIB = 1000;

  /** How a run did against a goal; {@code met} is null when it was not measured. */
  public record GoalResult(Goal goal, String measured, Boolean met) {}

  private final Map<String, Object> raw = new LinkedHashMap<>();
  private final List<Row> rows = new ArrayList<>();
  private final Map<Goal, GoalResult> goals = new EnumMap<>(Goal.class);
  private final List<String> failures = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Map<String, String> sections = new LinkedHashMap<>();
  private final Map<String, String> blocks = new LinkedHashMap<>();

  public synchronized void row(String workload, String figure, String value) {
    rows.add(new Row(workload, figure, value, "", ""));
  }

  public synchronized void row(String workload, String figure, String value, String baseline,
      String ratio) {
    rows.add(new Row(workload, figure, value, baseline, ratio));
  }

  public synchronized void put(String key, Object value) {
    raw.put(key, value);
  }

  public synchronized void goal(Goal goal, String measured, boolean met) {
    goals.put(goal, new GoalResult(goal, measured, met));
  }

  /** A figure that could not be measured because the run went wrong: the run fails. */
  public synchronized void fail(String workload, String figure, Throwable e) {
    String why = e.getClass().getSimpleName() + ": " + e.getMessage();
    failures.add(workload + ": " + why);
    rows.add(new Row(workload, figure, "NOT MEASURED (" + Fmt.oneLine(why) + ")", "", ""));
  }

  /** A workload that needs something not there yet (an endpoint): noted, not a failure. */
  public synchronized void unavailable(String workload, String why) {
    notes.add(workload + ": not available in this run (" + why + ")");
    rows.add(new Row(workload, "—", "not available (" + Fmt.oneLine(why) + ")", "", ""));
    raw.put("unavailable." + workload, why);
  }

  public synchronized void failure(String what) {
    failures.add(what);
  }

  public synchronized void note(String note) {
    notes.add(note);
  }

  /** A Markdown section of the report's details, by title, in run order. */
  public synchronized void section(String title, String markdown) {
    sections.put(title, markdown);
  }

  /** The content of a generated block of the report ({@code <!-- BEGIN generated:name -->}). */
  public synchronized void block(String name, String markdown) {
    blocks.put(name, markdown);
  }

  public synchronized Map<String, String> blocks() {
    return new LinkedHashMap<>(blocks);
  }

  public synchronized Map<String, Object> raw() {
    return new LinkedHashMap<>(raw);
  }

  public synchronized List<Row> rows() {
    return List.copyOf(rows);
  }

  /** Every goal, measured or not, in the order. */
  public synchronized List<GoalResult> goals() {
    var all = new ArrayList<GoalResult>();
    for (Goal g : Goal.values()) {
      all.add(goals.getOrDefault(g, new GoalResult(g, "not measured in this run", null)));
    }
    return all;
  }

  public synchronized List<String> failures() {
    return List.copyOf(failures);
  }

  public synchronized List<String> notes() {
    return List.copyOf(notes);
  }

  public synchronized Map<String, String> sections() {
    return new LinkedHashMap<>(sections);
  }
}
