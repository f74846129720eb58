package io.ordo.http.service;

import io.ordo.analytics.history.ExecutionJournal;
import io.ordo.analytics.history.History;
import io.ordo.analytics.history.HistoryRebuild;
import io.ordo.analytics.history.HistoryRebuild.BucketProgress;
import io.ordo.analytics.history.HistorySettings;
import io.ordo.analytics.history.LogLine;
import io.ordo.engine.runtime.Engine;
import io.ordo.engine.runtime.NotFoundException;
import io.ordo.engine.runtime.audit.Caller;
import io.ordo.engine.runtime.db.Jdbc;
import io.ordo.engine.runtime.definitions.DefinitionRegistry;
import io.ordo.engine.runtime.definitions.WorkflowKey;
import io.ordo.engine.runtime.execution.logic.WorkflowPlan;
import io.ordo.http.dto.HistoryArtifactContent;
import io.ordo.http.dto.HistoryArtifactsView;
import io.ordo.http.dto.HistoryExecutionView;
import io.ordo.http.dto.HistoryLogView;
import io.ordo.http.dto.HistoryMetricsView;
import io.ordo.http.dto.HistoryPageView;
import io.ordo.http.dto.HistoryProgressView;
import io.ordo.http.dto.HistoryStepView;
import io.ordo.http.dto.HistoryStepsView;
import io.ordo.http.dto.HistoryTimelineView;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Reads the execution history: the history tables (filled by the {@code history} projection,
 * about a second behind the journal) through JDBC on the engine's JDBC dispatcher, and an
 * execution's log straight from the journal. An execution the history does not know in the
 * caller's workspace is "not found", like one of another workspace.
 */
public final class HistoryService {

  private final Jdbc jdbc;
  private final DefinitionRegistry registry;
  private final WorkflowService workflows;
  private final ExecutionJournal journal;
  private final HistoryRebuild rebuild;
  private final long artifactInlineMax;

  public HistoryService(Jdbc jdbc, DefinitionRegistry registry, WorkflowService workflows,
      ExecutionJournal journal, HistoryRebuild rebuild, long artifactInlineMax) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.workflows = workflows;
    this.journal = journal;
    this.rebuild = rebuild;
    this.artifactInlineMax = artifactInlineMax;
  }

  public static HistoryService of(ActorSystem<?> system, Engine engine,
      WorkflowService workflows) {
    return new HistoryService(engine.jdbc(), engine.registry(), workflows,
        new ExecutionJournal(system),
        new HistoryRebuild(system, engine.jdbc(), engine.settings().tagBuckets()),
        HistorySettings.from(system.settings().config()).artifactInlineMaxBytes());
  }

  public CompletionStage<HistoryPageView<HistoryExecutionView>> list(Caller caller,
      ExecutionFilter filter) {
    return jdbc.query(c -> ExecutionListQuery.run(c, caller.workspaceId(), filter));
  }

  public CompletionStage<HistoryStepsView> steps(Caller caller, String executionId) {
    return ordered(caller, executionId).thenApply(history -> new HistoryStepsView(executionId,
        history.steps().stream().map(s -> new HistoryStepView(s.stepId(), s.item(), s.type(),
            s.status(), s.attempts(), s.retryCount(), s.startedAt(), s.endedAt(),
            s.durationMs(), s.error(), s.skipReason(), s.dueAt())).toList()));
  }

  public CompletionStage<HistoryTimelineView> timeline(Caller caller, String executionId) {
    return ordered(caller, executionId).thenApply(history -> {
      ExecutionHistory.Header h = history.header();
      return new HistoryTimelineView(h.executionId(), h.workflowId(), h.version(), h.status(),
          h.triggeredBy(), h.startedAt(), h.endedAt(), h.durationMs(), h.error(),
          h.inputSummary(), h.outputSummary(), h.retries(), history.steps().stream()
              .map(s -> new HistoryTimelineView.Step(s.stepId(), s.item(), s.type(), s.status(),
                  s.startedAt(), s.endedAt(), s.durationMs(), s.attempts(), s.retryCount(),
                  s.inputSummary(), s.outputSummary(), s.error(), s.skipReason(), s.dueAt()))
              .toList());
    });
  }

  public CompletionStage<HistoryArtifactsView> artifacts(Caller caller, String executionId) {
    return jdbc.query(c -> {
      known(c, caller, executionId);
      return new HistoryArtifactsView(executionId,
          HistoryArtifacts.list(c, executionId, artifactInlineMax));
    });
  }

  /** One artifact's value; unknown execution or artifact: not found. */
  public CompletionStage<HistoryArtifactContent> artifact(Caller caller, String executionId,
      String stepId, Integer item, String name) {
    return jdbc.query(c -> {
      known(c, caller, executionId);
      return HistoryArtifacts.one(c, executionId, stepId, item, name).orElseThrow(() ->
          new NotFoundException("no artifact '" + name + "' of step '" + stepId + "'"
              + (item == null ? "" : " item " + item) + " in execution '" + executionId + "'"));
    });
  }

  /** Read from the journal, so a log is complete the moment its events are persisted. */
  public CompletionStage<HistoryLogView> logs(Caller caller, String executionId, long afterSeq,
      int limit) {
    return journal.start(executionId).thenCompose(start -> {
      if (start.isEmpty() || !start.get().workspaceId().equals(caller.workspaceId())) {
        throw notFound(executionId);
      }
      return journal.log(executionId, afterSeq, limit);
    }).thenApply(lines -> new HistoryLogView(executionId, lines.stream()
        .map(l -> new HistoryLogView.Line(l.seq(), l.at(), l.level().name(), l.stepId(),
            l.item(), l.message())).toList(),
        nextAfterSeq(lines, limit)));
  }

  public CompletionStage<HistoryMetricsView> metrics(Caller caller, String workflowId,
      Integer version, Instant from, Instant to) {
    return workflows.get(caller, workflowId, version).thenCompose(record -> {
      List<String> order = registry.compile(record.key(), record.definition()).plan().nodes()
          .stream().map(WorkflowPlan.Node::id).toList();
      var scope = new WorkflowMetricsQuery.Scope(caller.workspaceId(), workflowId, version,
          from, to);
      return jdbc.query(c -> WorkflowMetricsQuery.run(c, scope, order));
    });
  }

  /** Starts a rebuild; answers the number of projection instances restarted. */
  public CompletionStage<Integer> rebuild() {
    return rebuild.rebuild();
  }

  public CompletionStage<HistoryProgressView> progress() {
    return rebuild.progress().thenApply(buckets -> new HistoryProgressView(
        History.PROJECTION_NAME,
        buckets.stream().allMatch(BucketProgress::caughtUp),
        buckets.stream().map(b -> new HistoryProgressView.Bucket(b.key(), b.offset(),
            b.latest(), b.caughtUp())).toList()));
  }

  /** The execution's rows with its steps in definition order (see docs/telemetry.md). */
  private CompletionStage<ExecutionHistory> ordered(Caller caller, String executionId) {
    return jdbc.query(c -> new ExecutionHistory(known(c, caller, executionId),
            ExecutionHistory.steps(c, executionId)))
        .thenCompose(history -> {
          var h = history.header();
          return registry.load(new WorkflowKey(caller.workspaceId(), h.workflowId(),
                  h.version()))
              .handle((workflow, error) -> new ExecutionHistory(h,
                  ExecutionHistory.inDefinitionOrder(history.steps(),
                      workflow == null ? null : workflow.plan())));
        });
  }

  private static ExecutionHistory.Header known(Connection c, Caller caller, String executionId)
      throws SQLException {
    return ExecutionHistory.header(c, caller.workspaceId(), executionId)
        .orElseThrow(() -> notFound(executionId));
  }

  private static NotFoundException notFound(String executionId) {
    return new NotFoundException("no execution '" + executionId + "'");
  }

  /** A full page may have more after it; a short one reached the end of the journal. */
  private static Long nextAfterSeq(List<LogLine> lines, int limit) {
    return lines.size() < limit ? null : lines.get(lines.size() - 1).seq();
  }
}
