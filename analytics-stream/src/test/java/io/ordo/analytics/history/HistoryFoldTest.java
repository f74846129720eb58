package io.ordo.analytics.history;

import static io.ordo.analytics.history.FoldDriver.journal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.analytics.history.FoldDriver.Delivery;
import io.ordo.engine.model.Json;
import io.ordo.engine.model.StepType;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ArtifactRecorded;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCancelled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCompleted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionFailed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionPaused;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionRetried;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ForEachStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.SkipReason;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepCancelled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepFailed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepRetryScheduled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepSkipped;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepSucceeded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryFoldTest {

  private static final String EX = "11111111-1111-1111-1111-111111111111";
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private static Instant at(long millis) {
    return T0.plusMillis(millis);
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static ExecutionStarted start(String id) {
    return new ExecutionStarted(id, "default", "orders", 2, json("{\"sku\":\"A-1\"}"), "shop",
        "key-1", null, at(0));
  }

  private static StepError error(String message) {
    return StepError.of("HTTP_5XX", message, true);
  }

  /** A call that fails once (503), is retried 200 ms later, then succeeds. */
  private static List<Delivery> failedOnceThenSucceeded() {
    return journal(EX, start(EX),
        new StepStarted("call", null, StepType.HTTP_REQUEST, 1, at(10)),
        new StepFailed("call", null, StepType.HTTP_REQUEST, 1, error("503 from agent"), 40,
            at(50), json("{\"method\":\"GET\",\"url\":\"http://a/x\"}")),
        new StepRetryScheduled("call", null, 2, at(250), at(50)),
        new StepStarted("call", null, StepType.HTTP_REQUEST, 2, at(250)),
        new StepSucceeded("call", null, StepType.HTTP_REQUEST, 2, json("{\"status\":200}"), 30,
            at(280), json("{\"method\":\"GET\",\"url\":\"http://a/x\"}")),
        new ExecutionCompleted(json("{\"ok\":true}"), List.of(), at(290)));
  }

  @Test
  void aStepThatFailedOnceThenSucceededKeepsItsAttemptsRetriesAndTheFailedAttemptsError() {
    var db = new FoldDriver().group(failedOnceThenSucceeded());

    StepRow call = db.step(EX, "call");
    assertEquals("COMPLETED", call.status);
    assertEquals("HTTP_REQUEST", call.type);
    assertEquals(2, call.attempts);
    assertEquals(1, call.retryCount);
    assertEquals(at(10), call.startedAt);
    assertEquals(at(280), call.endedAt);
    assertEquals(270L, call.durationMs, "wall time from the first start to the end");
    assertEquals("HTTP_5XX", call.errorClass);
    assertEquals("503 from agent", call.errorMessage);
    assertEquals(1, call.errorAttempt);
    assertEquals(at(50), call.errorAt);
    assertEquals(true, call.errorRetryable);
    assertEquals("{\"status\":200}", call.outputSummary);
    assertEquals("{\"method\":\"GET\",\"url\":\"http://a/x\"}", call.inputSummary);
    assertNull(call.dueAt);

    ExecutionRow ex = db.execution(EX);
    assertEquals("COMPLETED", ex.status);
    assertEquals(290L, ex.durationMs);
    assertEquals(1, ex.retries);
    assertEquals(1, ex.stepCount);
    assertEquals(7, ex.lastSeq);
    assertEquals("{\"ok\":true}", ex.outputSummary);
    assertNull(ex.errorClass);
  }

  @Test
  void whileARetryWaitsTheStepIsRetryingUntilItsDueTime() {
    var db = new FoldDriver().group(failedOnceThenSucceeded().subList(0, 4));
    StepRow call = db.step(EX, "call");
    assertEquals("RETRYING", call.status);
    assertEquals(at(250), call.dueAt);
    assertNull(call.endedAt);
    assertNull(call.durationMs);
    assertEquals(1, call.retryCount);
  }

  @Test
  void aCallAnOpenBreakerRefusedWaitsWithoutCountingARetry() {
    var db = new FoldDriver().group(journal(EX, start(EX),
        new StepStarted("call", null, StepType.HTTP_REQUEST, 1, at(10)),
        new StepRetryScheduled("call", null, 1, at(5000), at(11))));
    assertEquals("RETRYING", db.step(EX, "call").status);
    assertEquals(0, db.step(EX, "call").retryCount);
    assertEquals(0, db.execution(EX).retries);
  }

  @Test
  void anyGroupingOfTheSameEventsWritesTheSameRows() {
    List<Delivery> events = failedOnceThenSucceeded();
    String together = new FoldDriver().group(events).tables();
    String oneByOne = new FoldDriver().oneByOne(events).tables();
    String inTwo = new FoldDriver().group(events.subList(0, 3))
        .group(events.subList(3, events.size())).tables();
    assertEquals(together, oneByOne);
    assertEquals(together, inTwo);
  }

  @Test
  void redeliveredEventsChangeNothing() {
    List<Delivery> events = failedOnceThenSucceeded();
    String once = new FoldDriver().group(events).tables();

    var again = new FoldDriver().group(events.subList(0, 5));
    again.group(events.subList(2, events.size()));
    again.group(events);
    assertEquals(once, again.tables());
    assertEquals(1, again.step(EX, "call").retryCount, "the retry is counted once");
    assertEquals(1, again.execution(EX).retries);
  }

  @Test
  void aRedeliveredStartDoesNotResetTheExecution() {
    List<Delivery> events = failedOnceThenSucceeded();
    var db = new FoldDriver().group(events);
    db.group(events.subList(0, 1));
    assertEquals("COMPLETED", db.execution(EX).status);
  }

  @Test
  void eventsOfAnExecutionWhoseStartWasNotSeenAreIgnored() {
    var db = new FoldDriver().group(List.of(new Delivery(EX, 2,
        new StepStarted("call", null, StepType.HTTP_REQUEST, 1, at(10)))));
    assertNull(db.execution(EX));
    assertTrue(db.steps(EX).isEmpty());
  }

  @Test
  void forEachGetsOneRowPerItemWithTheItemAsItsInput() {
    var db = new FoldDriver().group(journal(EX, start(EX),
        new ForEachStarted("each", json("[{\"n\":1},{\"n\":2}]"), at(10)),
        new StepStarted("each", 0, StepType.HTTP_REQUEST, 1, at(11)),
        new StepStarted("each", 1, StepType.HTTP_REQUEST, 1, at(11)),
        new StepSucceeded("each", 1, StepType.HTTP_REQUEST, 1, json("\"b\""), 9, at(20)),
        new StepFailed("each", 0, StepType.HTTP_REQUEST, 1, error("down"), 19, at(30)),
        new StepFailed("each", null, StepType.FOR_EACH, 1, error("item 0 failed"), 20, at(30)),
        new ExecutionFailed("each", error("item 0 failed"), at(30))));

    StepRow each = db.step(EX, "each");
    assertEquals("FOR_EACH", each.type);
    assertEquals("FAILED", each.status);
    assertEquals("[{\"n\":1},{\"n\":2}]", each.inputSummary);
    assertEquals(20L, each.durationMs);
    StepRow first = db.item(EX, "each", 0);
    StepRow second = db.item(EX, "each", 1);
    assertEquals("{\"n\":1}", first.inputSummary);
    assertEquals("FAILED", first.status);
    assertEquals("down", first.errorMessage);
    assertEquals("{\"n\":2}", second.inputSummary);
    assertEquals("COMPLETED", second.status);
    assertEquals("\"b\"", second.outputSummary);
    assertEquals(1, db.execution(EX).stepCount, "items are rows of the one step");
    assertEquals("each", db.execution(EX).errorStepId);
  }

  @Test
  void anExecutionRetryReopensFailedStepsAndKeepsCompletedOnes() {
    var events = new ArrayList<>(journal(EX, start(EX),
        new StepSucceeded("first", null, StepType.DATA_TRANSFORM, 1, json("1"), 0, at(1)),
        new ForEachStarted("each", json("[1,2]"), at(2)),
        new StepSucceeded("each", 0, StepType.DATA_TRANSFORM, 1, json("1"), 0, at(3)),
        new StepFailed("each", 1, StepType.DATA_TRANSFORM, 1, error("bad"), 0, at(3)),
        new StepFailed("each", null, StepType.FOR_EACH, 1, error("item 1"), 1, at(3)),
        new StepSkipped("last", null, SkipReason.PARENT_FAILED, at(3)),
        new ExecutionFailed("each", error("item 1"), at(3)),
        new ExecutionRetried("ops", null, at(100))));
    var db = new FoldDriver().group(events);

    assertEquals("RUNNING", db.execution(EX).status);
    assertNull(db.execution(EX).endedAt);
    assertNull(db.execution(EX).errorClass);
    assertEquals("COMPLETED", db.step(EX, "first").status);
    assertEquals("RUNNING", db.step(EX, "each").status, "a FOR_EACH resumes");
    assertEquals(at(2), db.step(EX, "each").startedAt);
    assertEquals("COMPLETED", db.item(EX, "each", 0).status);
    StepRow failedItem = db.item(EX, "each", 1);
    assertEquals("PENDING", failedItem.status);
    assertEquals(0, failedItem.attempts);
    assertNull(failedItem.startedAt);
    assertEquals("bad", failedItem.errorMessage, "the last failed attempt's error stays");
    assertEquals("PENDING", db.step(EX, "last").status);
    assertNull(db.step(EX, "last").skipReason);
  }

  @Test
  void terminalEventsSetTheStatusAndError() {
    var cancelled = new FoldDriver().group(journal(EX, start(EX),
        new StepStarted("call", null, StepType.HTTP_REQUEST, 1, at(10)),
        new ExecutionPaused("ops", at(20)),
        new StepCancelled("call", null, "execution cancelled", at(30)),
        new ExecutionCancelled("ops", "customer withdrew", at(30))));
    assertEquals("CANCELLED", cancelled.execution(EX).status);
    assertEquals("customer withdrew", cancelled.execution(EX).errorMessage);
    assertEquals("CANCELLED", cancelled.step(EX, "call").status);
    assertEquals(20L, cancelled.step(EX, "call").durationMs);
  }

  @Test
  void artifactsKeepTheirJsonTextTypeAndSize() {
    var db = new FoldDriver().group(journal(EX, start(EX),
        new StepSucceeded("load", null, StepType.DATA_TRANSFORM, 1, json("{}"), 0, at(1)),
        new ArtifactRecorded("load", null, "report", "text/csv", json("\"a,b\\n1,2é\""), at(1)),
        new ArtifactRecorded("load", null, "rows", "application/json",
            json("{\"z\":1,\"a\":[1,2]}"), at(1))));
    List<ArtifactRow> artifacts = db.artifacts();
    assertEquals(2, artifacts.size());
    ArtifactRow report = artifacts.get(0);
    assertEquals("string", report.valueType());
    assertEquals("\"a,b\\n1,2é\"", report.content());
    assertEquals(12, report.sizeBytes(), "UTF-8 bytes: é takes two");
    ArtifactRow rows = artifacts.get(1);
    assertEquals("object", rows.valueType());
    assertEquals("{\"z\":1,\"a\":[1,2]}", rows.content(), "keys keep their order");
    assertEquals(4, rows.seq());
  }

  @Test
  void summariesAreCutWithAnEllipsis() {
    var db = new FoldDriver().group(journal(EX, new ExecutionStarted(EX, "default", "orders", 1,
        json("{\"text\":\"" + "x".repeat(200) + "\"}"), "shop", null, null, at(0))));
    String summary = db.execution(EX).inputSummary;
    assertEquals(FoldDriver.SUMMARY_MAX, summary.length());
    assertTrue(summary.endsWith("…"));
  }

  @Test
  void artifactValueTypesAreJsonTypeNames() {
    assertEquals("null", HistoryFold.valueType(null));
    assertEquals("null", HistoryFold.valueType(json("null")));
    assertEquals("array", HistoryFold.valueType(json("[]")));
    assertEquals("number", HistoryFold.valueType(json("1.5")));
    assertEquals("boolean", HistoryFold.valueType(json("true")));
  }
}
