package io.ordo.engine.runtime.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.typesafe.config.ConfigFactory;
import io.ordo.engine.model.StepType;
import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCompleted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.Origin;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.SignalReceived;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepSucceeded;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.SerializationTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A pushed batch crosses nodes: several event types in one list survive the wire format. */
class LiveBatchTest {

  private static final Instant AT = Instant.parse("2026-03-02T09:00:00.123456Z");

  private static ActorTestKit testKit;

  @BeforeAll
  static void startSystem() {
    testKit = ActorTestKit.create(ConfigFactory.load());
  }

  @AfterAll
  static void stopSystem() {
    testKit.shutdownTestKit();
  }

  @Test
  void aBatchOfMixedEventsRoundTripsThroughTheClusterSerializer() {
    List<ExecutionEvent> events = List.of(
        new SignalReceived("go", JsonNodeFactory.instance.objectNode().put("by", "bob"), "wait",
            null, AT, new Origin("anonymous", "req-1")),
        new StepSucceeded("wait", null, StepType.WAIT,
            1, JsonNodeFactory.instance.objectNode().put("by", "bob"), 12, AT),
        new StepStarted("next", 3, StepType.DATA_TRANSFORM, 1, AT),
        new ExecutionCompleted(JsonNodeFactory.instance.textNode("done"), List.of(), AT));
    var batch = new LiveBatch("ex-1", 5, events);

    Object back = new SerializationTestKit(testKit.system()).verifySerialization(batch, false);

    assertEquals(batch, back);
  }

  @Test
  void numbersTheEventsFromTheFirstSequenceNumber() {
    var batch = new LiveBatch("ex-1", 5, List.of(new StepStarted("a", null, StepType.WAIT, 1, AT),
        new StepStarted("b", null, StepType.WAIT, 1, AT)));

    assertEquals(List.of(5L, 6L), batch.sequenced().stream().map(SequencedEvent::seq).toList());
  }
}
