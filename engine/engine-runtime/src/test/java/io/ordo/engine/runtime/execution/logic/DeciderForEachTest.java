package io.ordo.engine.runtime.execution.logic;

import static io.ordo.engine.runtime.execution.logic.DeciderHarness.T0;
import static io.ordo.engine.runtime.execution.logic.DeciderHarness.described;
import static io.ordo.engine.runtime.execution.logic.DeciderHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ordo.engine.runtime.execution.events.ExecutionEvent.SkipReason;
import io.ordo.engine.runtime.execution.state.StepState;
import io.ordo.engine.runtime.lifecycle.ExecutionStatus;
import io.ordo.engine.runtime.lifecycle.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FOR_EACH: item order, concurrency, failures, and the shapes `items` may not take. */
class DeciderForEachTest {

  private static String forEach(String items, String template, String extra) {
    return """
        {"id": "wf", "steps": [
          {"id": "each", "type": "FOR_EACH", "items": "%s"%s, "step": %s}
        ]}""".formatted(items, extra, template);
  }

  @Test
  void collectsTheItemOutputsInItemOrder() {
    var h = DeciderHarness.of(forEach("${ .input }",
        "{\"type\": \"DATA_TRANSFORM\", \"expression\": \"${ {v: (.item * 10), at: .index} }\"}", ""));

    Decision start = h.start("[3, 1, 2]");

    assertEquals(List.of("ExecutionStarted", "ForEachStarted(each)", "StepSucceeded(each[0])",
        "StepSucceeded(each[1])", "StepSucceeded(each[2])", "StepSucceeded(each)",
        "ExecutionCompleted"), described(start));
    assertEquals(json("[{\"v\": 30, \"at\": 0}, {\"v\": 10, \"at\": 1}, {\"v\": 20, \"at\": 2}]"),
        h.output("each"));
    assertEquals(json("[3, 1, 2]"), h.step("each").items());
  }

  @Test
  void completesWithAnEmptyArrayForNoItems() {
    var h = DeciderHarness.of(forEach("${ .input }",
        "{\"type\": \"DATA_TRANSFORM\", \"expression\": 1}", ""));

    h.start("[]");

    assertEquals(json("[]"), h.output("each"));
    assertEquals(ExecutionStatus.COMPLETED, h.state().status());
  }

  @Test
  void failsWhenItemsIsNotAnArray() {
    var h = DeciderHarness.of(forEach("${ .input }",
        "{\"type\": \"DATA_TRANSFORM\", \"expression\": 1}", ""));

    h.start("{\"not\": \"an array\"}");

    assertEquals(StepStatus.FAILED, h.status("each"));
    assertEquals("ITEMS_NOT_ARRAY", h.step("each").error().errorClass());
    assertEquals(ExecutionStatus.FAILED, h.state().status());
  }

  @Test
  void failsWhenItemsExceedTheConfiguredMaximum() {
    var h = DeciderHarness.of(forEach("${ [range(0; 10001)] }",
        "{\"type\": \"DATA_TRANSFORM\", \"expression\": 1}", ""));

    h.start();

    assertEquals("TOO_MANY_ITEMS", h.step("each").error().errorClass());
  }

  private static final String TIMED = forEach("${ .input }",
      "{\"type\": \"WAIT\", \"duration\": \"PT10S\"}", ", \"concurrency\": 2");

  @Test
  void runsAtMostConcurrencyItemsAtATime() {
    var h = DeciderHarness.of(TIMED);

    Decision start = h.start("[\"a\", \"b\", \"c\", \"d\", \"e\"]");

    assertEquals(List.of("ExecutionStarted", "ForEachStarted(each)", "StepWaiting(each[0])",
        "StepWaiting(each[1])"), described(start));
    assertEquals(T0.plusSeconds(10), h.item("each", 0).dueAt());
  }

  @Test
  void startsFurtherItemsAsEarlierOnesFinish() {
    var h = DeciderHarness.of(TIMED);
    h.start("[\"a\", \"b\", \"c\", \"d\", \"e\"]");
    Instant first = T0.plusSeconds(10);

    Decision second = h.advance(first);

    assertEquals(List.of("StepSucceeded(each[0])", "StepSucceeded(each[1])",
        "StepWaiting(each[2])", "StepWaiting(each[3])"), described(second));
    assertEquals(first.plusSeconds(10), h.item("each", 2).dueAt());
    assertEquals(2, activeItems(h));

    Decision third = h.advance(first.plusSeconds(10));
    assertEquals(List.of("StepSucceeded(each[2])", "StepSucceeded(each[3])",
        "StepWaiting(each[4])"), described(third));
    assertEquals(1, activeItems(h));

    h.advance(first.plusSeconds(20));
    assertEquals(ExecutionStatus.COMPLETED, h.state().status());
    assertEquals(5, h.output("each").size());
    assertEquals(json("{\"firedAt\": \"" + first.plusSeconds(20) + "\"}"), h.output("each").get(4));
  }

  private static long activeItems(DeciderHarness h) {
    return h.step("each").itemStates().values().stream().map(StepState::status)
        .filter(StepStatus::isActive).count();
  }

  @Test
  void failsTheForEachWhenAnItemFailsWithOnErrorFail() {
    var h = DeciderHarness.of(forEach("${ .input }",
        "{\"type\": \"DATA_TRANSFORM\", \"expression\": \"${ .item.x }\"}", ""));

    h.start("[{\"x\": 1}, 5, {\"x\": 3}]");

    assertEquals(StepStatus.FAILED, h.item("each", 1).status());
    assertEquals("EXPRESSION_FAILED", h.item("each", 1).error().errorClass());
    assertEquals(StepStatus.FAILED, h.status("each"));
    assertEquals("ITEM_FAILED", h.step("each").error().errorClass());
    assertTrue(h.step("each").error().message().startsWith("item 1 failed"),
        h.step("each").error().message());
    assertEquals(ExecutionStatus.FAILED, h.state().status());
    assertEquals("each", h.state().failure().stepId());
  }

  @Test
  void cancelsTheRunningItemsWhenAnItemFails() {
    var h = DeciderHarness.of(forEach("${ .input }",
        "{\"type\": \"WAIT\", \"duration\": \"${ .item }\"}", ""));

    h.start("[\"PT1M\", \"not a duration\"]");

    assertEquals(StepStatus.CANCELLED, h.item("each", 0).status());
    assertEquals("INVALID_WAIT", h.item("each", 1).error().errorClass());
    assertEquals("ITEM_FAILED", h.step("each").error().errorClass());
    assertEquals(ExecutionStatus.FAILED, h.state().status());
  }

  @Test
  void putsNullForAnItemThatFailedWithOnErrorContinue() {
    var h = DeciderHarness.of(forEach("${ .input }",
        "{\"type\": \"DATA_TRANSFORM\", \"onError\": \"CONTINUE\", \"expression\": \"${ .item.x }\"}",
        ""));

    h.start("[{\"x\": 1}, 5, {\"x\": 3}]");

    assertEquals(StepStatus.FAILED, h.item("each", 1).status());
    assertEquals(json("[1, null, 3]"), h.output("each"));
    assertEquals(ExecutionStatus.COMPLETED, h.state().status());
  }

  @Test
  void putsNullForAnItemSkippedByItsWhen() {
    var h = DeciderHarness.of(forEach("${ .input }",
        "{\"type\": \"DATA_TRANSFORM\", \"when\": \"${ .item > 1 }\", \"expression\": \"${ .item }\"}",
        ""));

    h.start("[1, 2, 3]");

    assertEquals(SkipReason.WHEN_FALSE, h.item("each", 0).skipReason());
    assertEquals(json("[null, 2, 3]"), h.output("each"));
  }
}
