package io.ordo.engine.runtime.live;

import io.ordo.engine.runtime.execution.ExecutionEntity;
import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionStarted;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * One execution's events as a stream: its history from the journal, then, unless it has ended,
 * its new events as they are persisted, until the event that ends it.
 *
 * <p>Following merges two feeds: the batches entities push through {@link LiveEvents} (fast, but
 * best effort) and the read journal's {@code eventsByPersistenceId} (polled, complete). An
 * {@link InOrder} stage emits each sequence number once and in order, so a pushed batch that was
 * lost or dropped only delays events until the next poll. All buffers are bounded; the HTTP
 * client's backpressure reaches the journal query, and pushes beyond the buffer are dropped.
 *
 * <p>Reads only the journal, never the entity: a timeline of an ended execution wakes nothing.
 */
public final class LiveTimeline {

  private final ActorSystem<?> system;
  private final JdbcReadJournal journal;
  private final LiveEvents live;

  public LiveTimeline(ActorSystem<?> system) {
    this.system = system;
    this.journal = PersistenceQuery.get(Adapter.toClassic(system))
        .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    this.live = LiveEvents.get(system);
  }

  /** The execution's first event, which names its workspace; empty when there is none. */
  public CompletionStage<Optional<ExecutionStarted>> started(String executionId) {
    return at(executionId, 1).thenApply(event -> event
        .filter(ExecutionStarted.class::isInstance).map(ExecutionStarted.class::cast));
  }

  /** Whether the journal holds the execution's event {@code seq} (a resume point is real). */
  public CompletionStage<Boolean> has(String executionId, long seq) {
    return at(executionId, seq).thenApply(Optional::isPresent);
  }

  private CompletionStage<Optional<ExecutionEvent>> at(String executionId, long seq) {
    return journal.currentEventsByPersistenceId(persistenceId(executionId), seq, seq)
        .map(envelope -> (ExecutionEvent) envelope.event())
        .runWith(Sink.headOption(), system);
  }

  /**
   * The events after sequence number {@code after} (0 for all). The stream completes after the
   * event that ends the execution, at once when that event is {@code after} itself or earlier.
   */
  public Source<SequencedEvent, NotUsed> events(String executionId, long after) {
    return Source.lazySource(() -> new Run(executionId, after).source())
        .mapMaterializedValue(ignored -> NotUsed.notUsed());
  }

  private static String persistenceId(String executionId) {
    return PersistenceId.of(ExecutionEntity.TYPE_KEY.name(), executionId).id();
  }

  /** One materialization: replay, then follow from where the replay stopped. */
  private final class Run {
    private final String executionId;
    private final String persistenceId;
    private final long after;
    private long last;
    private ExecutionEvent lastEvent;

    Run(String executionId, long after) {
      this.executionId = executionId;
      this.persistenceId = persistenceId(executionId);
      this.after = after;
      this.last = after;
    }

    Source<SequencedEvent, NotUsed> source() {
      // The replay starts at the resume point itself (when there is one) so that the stream
      // knows whether the execution had ended there; that event is not sent again.
      Source<SequencedEvent, NotUsed> replay = journal
          .currentEventsByPersistenceId(persistenceId, Math.max(after, 1), Long.MAX_VALUE)
          .map(LiveTimeline::sequenced)
          .map(e -> {
            last = e.seq();
            lastEvent = e.event();
            return e;
          })
          .filter(e -> e.seq() > after);
      // Decided once the replay is done: the latest event tells whether it has ended.
      return replay.concatLazy(Source.lazySource(() -> ended() ? Source.<SequencedEvent>empty()
          : follow(last)).mapMaterializedValue(ignored -> NotUsed.notUsed()));
    }

    private boolean ended() {
      return lastEvent != null && SequencedEvent.isEnd(lastEvent);
    }

    /**
     * New events after {@code from}. The listener is registered while the graph materializes,
     * before the polled query first runs (it is lazy: it starts on the first pull, after
     * materialization). So an event is either committed before that query, which then finds it,
     * or published after the listener exists, which then receives it: no event falls between.
     */
    private Source<SequencedEvent, NotUsed> follow(long from) {
      LiveSettings settings = live.settings();
      Source<SequencedEvent, NotUsed> pushed = Source.<LiveBatch>queue(settings.listenerBuffer())
          .mapMaterializedValue(queue -> {
            live.listen(executionId, queue);
            return queue;
          })
          .watchTermination((queue, done) -> {
            done.whenComplete((ok, error) -> live.unlisten(executionId, queue));
            return NotUsed.notUsed();
          })
          .mapConcat(LiveBatch::sequenced);
      Source<SequencedEvent, NotUsed> polled = Source.lazySource(() -> journal
              .eventsByPersistenceId(persistenceId, from + 1, Long.MAX_VALUE)
              .map(LiveTimeline::sequenced))
          .mapMaterializedValue(ignored -> NotUsed.notUsed());
      return pushed.merge(polled)
          .statefulMapConcat(() -> new InOrder(from + 1, settings.reorderLimit()))
          .takeWhile(e -> !e.isEnd(), true);
    }
  }

  private static SequencedEvent sequenced(EventEnvelope envelope) {
    return new SequencedEvent(envelope.sequenceNr(), (ExecutionEvent) envelope.event());
  }
}
