package io.ordo.analytics.history;

import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionRetried;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ForEachStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepEvent;
import io.ordo.engine.runtime.projection.PooledJdbcSession;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * The {@code history} projection's handler, one group of envelopes (of many executions) per
 * transaction: read the rows the group touches, fold the events into them in journal order,
 * write back what changed. The projection stores its offset in the same transaction, so each
 * event is folded exactly once.
 */
public final class HistoryHandler
    extends JdbcHandler<List<EventEnvelope<ExecutionEvent>>, PooledJdbcSession> {

  private final int summaryMax;

  public HistoryHandler(int summaryMax) {
    this.summaryMax = summaryMax;
  }

  @Override
  public void process(PooledJdbcSession session, List<EventEnvelope<ExecutionEvent>> envelopes)
      throws Exception {
    Set<String> executionIds = new LinkedHashSet<>();
    Set<StepRow.Key> stepKeys = new LinkedHashSet<>();
    Set<String> retried = new LinkedHashSet<>();
    for (EventEnvelope<ExecutionEvent> envelope : envelopes) {
      String id = executionId(envelope.persistenceId());
      executionIds.add(id);
      ExecutionEvent event = envelope.event();
      if (event instanceof StepEvent e) {
        stepKeys.add(new StepRow.Key(id, e.stepId(), StepRow.item(e.item())));
      } else if (event instanceof ForEachStarted e) {
        stepKeys.add(new StepRow.Key(id, e.stepId(), StepRow.NO_ITEM));
      } else if (event instanceof ExecutionRetried) {
        retried.add(id);
      }
    }
    session.withConnection(c -> {
      var fold = new HistoryFold(summaryMax, HistoryStore.loadExecutions(c, executionIds),
          HistoryStore.loadSteps(c, stepKeys, retried));
      for (EventEnvelope<ExecutionEvent> envelope : envelopes) {
        fold.apply(executionId(envelope.persistenceId()), envelope.sequenceNr(),
            envelope.event());
      }
      HistoryStore.write(c, fold);
      return null;
    });
  }

  /** Execution persistence ids are {@code Execution|<id>}. */
  static String executionId(String persistenceId) {
    return persistenceId.substring(persistenceId.indexOf('|') + 1);
  }
}
