package io.ordo.engine.runtime.live;

import io.ordo.engine.runtime.execution.ExecutionTags;
import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.stream.BoundedSourceQueue;

/**
 * Execution events pushed across the cluster in memory as they are persisted, so a live timeline
 * on any node sees them within milliseconds instead of at the read journal's next poll.
 *
 * <p>One pub-sub {@link Topic} per tag bucket (not per execution: subscribing and unsubscribing
 * per execution would churn the cluster receptionist), each with one permanent subscriber per
 * node, a relay that hands every batch to the node's timelines following that execution. Because
 * the relays subscribe when the node starts, a timeline opened later has no warm-up: the topic
 * already knows every node. Delivery is best effort (a lost or dropped batch shows up as a gap in
 * sequence numbers, which the timeline fills from the journal), so nothing here is durable.
 *
 * <p>Lifecycle: created on first use; {@link io.ordo.engine.runtime.Engine} touches it at start so
 * the relays are registered before any execution runs. The entity calls {@link #publish} after
 * each persist; timelines {@link #listen} with a bounded queue and {@link #unlisten} when done.
 */
public final class LiveEvents implements Extension {

  private static final class Id extends ExtensionId<LiveEvents> {
    @Override
    public LiveEvents createExtension(ActorSystem<?> system) {
      return new LiveEvents(system);
    }
  }

  private static final Id ID = new Id();

  private final ActorSystem<?> system;
  private final LiveSettings settings;
  private final int buckets;
  private final List<ActorRef<Topic.Command<LiveBatch>>> topics = new ArrayList<>();
  /** Per execution, the queues of this node's timelines; sets are replaced, never mutated. */
  private final ConcurrentHashMap<String, Set<BoundedSourceQueue<LiveBatch>>> listeners =
      new ConcurrentHashMap<>();

  public static LiveEvents get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  private LiveEvents(ActorSystem<?> system) {
    this.system = system;
    this.settings = LiveSettings.from(system.settings().config());
    this.buckets = system.settings().config().getInt("ordo.engine.tag-buckets");
    for (int bucket = 0; bucket < buckets; bucket++) {
      ActorRef<Topic.Command<LiveBatch>> topic = system.systemActorOf(
          Topic.create(LiveBatch.class, "ordo-live-" + ExecutionTags.PREFIX + bucket),
          "ordo-live-topic-" + bucket, Props.empty());
      ActorRef<LiveBatch> relay = system.systemActorOf(relay(), "ordo-live-relay-" + bucket,
          Props.empty());
      topic.tell(Topic.subscribe(relay));
      topics.add(topic);
    }
  }

  public LiveSettings settings() {
    return settings;
  }

  /**
   * Publishes what one persist wrote; {@code lastSeq} is the sequence number of its last event
   * ({@code EventSourcedBehavior.lastSequenceNumber} right after the write).
   */
  public void publish(String executionId, long lastSeq, List<ExecutionEvent> events) {
    if (!settings.publish() || events.isEmpty()) {
      return;
    }
    var batch = new LiveBatch(executionId, lastSeq - events.size() + 1, List.copyOf(events));
    topics.get(ExecutionTags.bucket(executionId, buckets)).tell(Topic.publish(batch));
  }

  /** Hands this node's batches of {@code executionId} to {@code queue} until unlistened. */
  public void listen(String executionId, BoundedSourceQueue<LiveBatch> queue) {
    listeners.compute(executionId, (id, queues) -> {
      var copy = queues == null ? new HashSet<BoundedSourceQueue<LiveBatch>>()
          : new HashSet<>(queues);
      copy.add(queue);
      return Set.copyOf(copy);
    });
  }

  public void unlisten(String executionId, BoundedSourceQueue<LiveBatch> queue) {
    listeners.computeIfPresent(executionId, (id, queues) -> {
      var copy = new HashSet<>(queues);
      copy.remove(queue);
      return copy.isEmpty() ? null : Set.copyOf(copy);
    });
  }

  /** How many executions this node's timelines follow right now (for tests and metrics). */
  public int followed() {
    return listeners.size();
  }

  /**
   * How many other nodes this node's pushes reach: the least, over the buckets' topics, of the
   * remote topic instances each knows. Topics learn of each other through the receptionist, so
   * a node that just joined is reached a few seconds later (until then, its timelines poll).
   */
  public CompletionStage<Integer> reachedNodes(Duration timeout) {
    List<CompletableFuture<Integer>> counts = topics.stream()
        .map(topic -> AskPattern.<Topic.Command<LiveBatch>, Topic.TopicStats>ask(topic,
                Topic::getTopicStats, timeout, system.scheduler())
            .thenApply(Topic.TopicStats::topicInstanceCount).toCompletableFuture())
        .toList();
    return CompletableFuture.allOf(counts.toArray(CompletableFuture[]::new))
        .thenApply(done -> counts.stream().mapToInt(CompletableFuture::join).min().orElse(0));
  }

  private Behavior<LiveBatch> relay() {
    return Behaviors.receive(LiveBatch.class)
        .onMessage(LiveBatch.class, batch -> {
          var queues = listeners.get(batch.executionId());
          if (queues != null) {
            // A full queue drops the batch: its timeline sees the gap and reads the journal.
            queues.forEach(queue -> queue.offer(batch));
          }
          return Behaviors.same();
        })
        .build();
  }
}
