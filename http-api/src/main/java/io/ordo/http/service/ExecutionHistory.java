package io.ordo.http.service;

import io.ordo.engine.model.StepDefinition;
import io.ordo.engine.model.StepType;
import io.ordo.engine.model.steps.ForEachSpec;
import io.ordo.engine.runtime.execution.logic.WorkflowPlan;
import io.ordo.http.dto.ErrorView;
import io.ordo.http.dto.HistoryErrorView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One execution's history rows: its own row and its steps' (FOR_EACH items included). */
record ExecutionHistory(Header header, List<Step> steps) {

  /** The execution's row, as the timeline shows it. */
  record Header(String executionId, String workflowId, int version, String status,
      String triggeredBy, Instant startedAt, Instant endedAt, Long durationMs, ErrorView error,
      String inputSummary, String outputSummary, int retries) {}

  /** A step's (or item's) row; {@code item} null for the step itself. */
  record Step(String stepId, Integer item, String type, String status, int attempts,
      int retryCount, Instant startedAt, Instant endedAt, Long durationMs, HistoryErrorView error,
      String inputSummary, String outputSummary, String skipReason, Instant dueAt,
      long firstSeq) {}

  /** Empty when the workspace has no such execution (or the history has not seen it yet). */
  static Optional<Header> header(Connection c, String workspaceId, String executionId)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT execution_id, workflow_id, version,"
        + " status, started_at, ended_at, duration_ms, error_class, error_message, error_step_id,"
        + " input_summary, output_summary, retries, triggered_by FROM executions"
        + " WHERE execution_id = ? AND workspace_id = ?")) {
      ps.setString(1, executionId);
      ps.setString(2, workspaceId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String errorClass = rs.getString(8);
        ErrorView error = errorClass == null ? null
            : new ErrorView(errorClass, rs.getString(9), null, null, rs.getString(10), null);
        return Optional.of(new Header(rs.getString(1), rs.getString(2), rs.getInt(3),
            rs.getString(4), rs.getString(14), HistorySql.instant(rs, 5),
            HistorySql.instant(rs, 6),
            HistorySql.longOrNull(rs, 7), error, rs.getString(11), rs.getString(12),
            rs.getInt(13)));
      }
    }
  }

  /** The steps in order of first appearance; see {@link #inDefinitionOrder}. */
  static List<Step> steps(Connection c, String executionId) throws SQLException {
    var steps = new ArrayList<Step>();
    try (PreparedStatement ps = c.prepareStatement("SELECT step_id, item, type, status,"
        + " attempts, retry_count, started_at, ended_at, duration_ms, error_class, error_message,"
        + " input_summary, output_summary, skip_reason, due_at, first_seq, error_retryable,"
        + " error_attempt, error_at FROM execution_steps"
        + " WHERE execution_id = ? ORDER BY first_seq, item")) {
      ps.setString(1, executionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int item = rs.getInt(2);
          String errorClass = rs.getString(10);
          HistoryErrorView error = errorClass == null ? null
              : new HistoryErrorView(errorClass, rs.getString(11),
                  (Boolean) rs.getObject(17), (Integer) rs.getObject(18),
                  HistorySql.instant(rs, 19));
          steps.add(new Step(rs.getString(1), item < 0 ? null : item, rs.getString(3),
              rs.getString(4), rs.getInt(5), rs.getInt(6), HistorySql.instant(rs, 7),
              HistorySql.instant(rs, 8), HistorySql.longOrNull(rs, 9), error, rs.getString(12),
              rs.getString(13), rs.getString(14), HistorySql.instant(rs, 15), rs.getLong(16)));
        }
      }
    }
    return steps;
  }

  /**
   * Steps in the definition's order (a PARALLEL's steps after it), each FOR_EACH followed by its
   * items by index, each with its type, and the steps not reached yet as PENDING, as
   * {@code GET /executions/{id}} shows them; steps the plan does not know (none, unless the
   * definition is unavailable) keep their order of first appearance, after the known ones.
   */
  static List<Step> inDefinitionOrder(List<Step> steps, WorkflowPlan plan) {
    Map<String, Integer> position = new HashMap<>();
    if (plan != null) {
      List<WorkflowPlan.Node> nodes = plan.nodes();
      for (int i = 0; i < nodes.size(); i++) {
        position.put(nodes.get(i).id(), i);
      }
    }
    var all = new ArrayList<>(steps);
    Map<String, Long> firstSeen = new HashMap<>();
    for (Step s : steps) {
      firstSeen.merge(s.stepId(), s.firstSeq(), Math::min);
    }
    if (plan != null) {
      for (WorkflowPlan.Node node : plan.nodes()) {
        if (!firstSeen.containsKey(node.id())) {
          all.add(pending(node));
          firstSeen.put(node.id(), Long.MAX_VALUE);
        }
      }
    }
    return all.stream().map(s -> withType(s, plan)).sorted(Comparator
            .comparingInt((Step s) -> position.getOrDefault(s.stepId(), Integer.MAX_VALUE))
            .thenComparingLong(s -> firstSeen.get(s.stepId()))
            .thenComparingInt(s -> s.item() == null ? -1 : s.item()))
        .toList();
  }

  /** A step the execution has not reached (or never will): it has no events, so no row. */
  private static Step pending(WorkflowPlan.Node node) {
    return new Step(node.id(), null, node.type().name(), "PENDING", 0, 0, null, null, null, null,
        null, null, null, null, Long.MAX_VALUE);
  }

  /**
   * The journal names a step's type only once it runs: a skipped step, or an item that has not
   * started, takes it from the definition (an item its FOR_EACH template's).
   */
  private static Step withType(Step s, WorkflowPlan plan) {
    if (s.type() != null || plan == null || !plan.contains(s.stepId())) {
      return s;
    }
    StepDefinition step = plan.node(s.stepId()).step();
    StepType type = s.item() != null && step.spec() instanceof ForEachSpec forEach
        ? forEach.step().type() : step.type();
    return new Step(s.stepId(), s.item(), type.name(), s.status(), s.attempts(), s.retryCount(),
        s.startedAt(), s.endedAt(), s.durationMs(), s.error(), s.inputSummary(),
        s.outputSummary(), s.skipReason(), s.dueAt(), s.firstSeq());
  }
}
