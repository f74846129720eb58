package io.ordo.analytics.history;

import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionStarted;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Reads one execution's events straight from the journal (not from the history tables), so its
 * log is current the moment an event is persisted.
 */
public final class ExecutionJournal {

  private final ActorSystem<?> system;
  private final JdbcReadJournal journal;

  public ExecutionJournal(ActorSystem<?> system) {
    this.system = system;
    this.journal = PersistenceQuery.get(Adapter.toClassic(system))
        .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
  }

  /** The start of the execution, or empty when the journal has no such execution. */
  public CompletionStage<Optional<ExecutionStarted>> start(String executionId) {
    return journal.currentEventsByPersistenceId(persistenceId(executionId), 1, 1)
        .map(EventEnvelope::event)
        .filter(ExecutionStarted.class::isInstance)
        .map(ExecutionStarted.class::cast)
        .runWith(Sink.headOption(), system);
  }

  /** Up to {@code limit} log lines after sequence number {@code afterSeq}, in order. */
  public CompletionStage<List<LogLine>> log(String executionId, long afterSeq, int limit) {
    return journal.currentEventsByPersistenceId(persistenceId(executionId), afterSeq + 1,
            Long.MAX_VALUE)
        .filter(envelope -> envelope.event() instanceof ExecutionEvent)
        .take(limit)
        .map(envelope -> EventLog.line(envelope.sequenceNr(),
            (ExecutionEvent) envelope.event()))
        .runWith(Sink.seq(), system);
  }

  private static String persistenceId(String executionId) {
    return "Execution|" + executionId;
  }
}
