package io.ordo.engine.runtime.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ordo.engine.model.Json;
import io.ordo.engine.model.StepType;
import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCancelled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.Origin;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepFailed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepSucceeded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The SSE mapping of events: type names as docs/api.md lists them, flat data objects. */
class EventJsonTest {

  private static final Instant AT = Instant.parse("2026-03-02T09:00:00.123456Z");

  /** Every event type and its SSE type, exactly as the wire format names them. */
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("ExecutionStarted", "execution.started"),
      Map.entry("StepStarted", "step.started"),
      Map.entry("StepSucceeded", "step.succeeded"),
      Map.entry("StepFailed", "step.failed"),
      Map.entry("StepRetryScheduled", "step.retry-scheduled"),
      Map.entry("StepSkipped", "step.skipped"),
      Map.entry("StepCancelled", "step.cancelled"),
      Map.entry("StepWaiting", "step.waiting"),
      Map.entry("ForEachStarted", "for-each.started"),
      Map.entry("SignalReceived", "signal.received"),
      Map.entry("SignalDelivered", "signal.delivered"),
      Map.entry("ExecutionRetried", "execution.retried"),
      Map.entry("ExecutionPaused", "execution.paused"),
      Map.entry("ExecutionResumed", "execution.resumed"),
      Map.entry("ExecutionParked", "execution.parked"),
      Map.entry("ExecutionCancelled", "execution.cancelled"),
      Map.entry("ExecutionTimedOut", "execution.timed-out"),
      Map.entry("ExecutionCompleted", "execution.completed"),
      Map.entry("ExecutionFailed", "execution.failed"),
      Map.entry("ArtifactRecorded", "artifact.recorded"));

  @Test
  void everyEventTypeHasTheTypeNameTheWireFormatLists() {
    var named = new TreeMap<String, String>();
    for (Class<? extends ExecutionEvent> type : concreteTypes(ExecutionEvent.class)) {
      named.put(type.getSimpleName(), EventJson.type(type));
    }
    assertEquals(new TreeMap<>(TYPES), named);
  }

  @Test
  void onlyTheFourEndingTypesEndAStream() {
    var ending = new ArrayList<String>();
    for (Class<? extends ExecutionEvent> type : concreteTypes(ExecutionEvent.class)) {
      if (SequencedEvent.isEnd(sampleOf(type))) {
        ending.add(EventJson.type(type));
      }
    }
    ending.sort(String::compareTo);
    assertEquals(List.of("execution.cancelled", "execution.completed", "execution.failed",
        "execution.timed-out"), ending);
  }

  @Test
  void dataStartsWithSeqTypeExecutionAndTimeThenTheEventsOwnFields() throws Exception {
    var failed = new StepFailed("charge", 2, StepType.HTTP_REQUEST, 3,
        new StepError("HTTP_5XX", "503 from agent", true, null), 41, AT,
        JsonNodeFactory.instance.objectNode().put("method", "POST"));

    JsonNode data = EventJson.data("ex-1", new SequencedEvent(7, failed));

    assertEquals(Json.mapper().readTree("""
        {"seq": 7, "type": "step.failed", "executionId": "ex-1",
         "at": "2026-03-02T09:00:00.123456Z", "stepId": "charge", "item": 2,
         "stepType": "HTTP_REQUEST", "attempt": 3,
         "error": {"errorClass": "HTTP_5XX", "message": "503 from agent", "retryable": true},
         "durationMs": 41, "input": {"method": "POST"}}"""),
        Json.mapper().readTree(data.toString()));
    assertEquals(List.of("seq", "type", "executionId", "at"), firstFields(data, 4));
  }

  @Test
  void fieldsThatAreNotSetAreLeftOut() {
    var succeeded = new StepSucceeded("wait", null, StepType.WAIT, 1, null, 0, AT);

    JsonNode data = EventJson.data("ex-1", new SequencedEvent(3, succeeded));

    assertFalse(data.has("item"), data::toString);
    assertFalse(data.has("output"), data::toString);
    assertFalse(data.has("input"), data::toString);
    assertEquals("wait", data.get("stepId").asText());
  }

  @Test
  void whoSentACommandIsForTheAuditLogNotTheStream() {
    var cancelled = new ExecutionCancelled("anonymous", "not needed", AT,
        new Origin("anonymous", "req-1"));

    JsonNode data = EventJson.data("ex-1", new SequencedEvent(9, cancelled));

    assertFalse(data.has("origin"), data::toString);
    assertFalse(data.toString().contains("req-1"), data::toString);
    assertEquals("anonymous", data.get("by").asText());
    assertEquals("not needed", data.get("reason").asText());
  }

  @Test
  void theStartCarriesTheExecutionIdOnce() {
    var started = new ExecutionStarted("ex-1", "default", "wf", 2,
        JsonNodeFactory.instance.objectNode().put("n", 1), "alice", null, null, AT);

    JsonNode data = EventJson.data("ex-1", new SequencedEvent(1, started));

    assertEquals("execution.started", data.get("type").asText());
    assertEquals("ex-1", data.get("executionId").asText());
    assertEquals(2, data.get("version").asInt());
    assertEquals(1, data.get("input").get("n").asInt());
    assertTrue(data.get("at").isTextual());
  }

  private static List<String> firstFields(JsonNode node, int n) {
    var names = new ArrayList<String>();
    node.fieldNames().forEachRemaining(names::add);
    return names.subList(0, n);
  }

  @SuppressWarnings("unchecked")
  static List<Class<? extends ExecutionEvent>> concreteTypes(Class<?> sealed) {
    var found = new ArrayList<Class<? extends ExecutionEvent>>();
    for (Class<?> permitted : sealed.getPermittedSubclasses()) {
      if (permitted.isSealed()) {
        found.addAll(concreteTypes(permitted));
      } else {
        found.add((Class<? extends ExecutionEvent>) permitted);
      }
    }
    return found;
  }

  /** An instance of the type with every component at its default (null, 0, false). */
  static ExecutionEvent sampleOf(Class<? extends ExecutionEvent> type) {
    try {
      var components = type.getRecordComponents();
      var types = new Class<?>[components.length];
      var values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = types[i] == int.class ? 0 : types[i] == long.class ? 0L
            : types[i] == boolean.class ? false : null;
      }
      return type.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
