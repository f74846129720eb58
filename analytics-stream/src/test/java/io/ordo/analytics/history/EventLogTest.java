package io.ordo.analytics.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ordo.analytics.history.LogLine.Level;
import io.ordo.engine.model.StepType;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCancelled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.SignalReceived;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepFailed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepRetryScheduled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepSucceeded;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventLogTest {

  private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");

  @Test
  void aFailedAttemptIsAnErrorLineNamingTheStepItemAndError() {
    LogLine line = EventLog.line(4, new StepFailed("call", 2, StepType.HTTP_REQUEST, 1,
        StepError.of("HTTP_5XX", "503 from agent", true), 40, AT));
    assertEquals(4, line.seq());
    assertEquals(AT, line.at());
    assertEquals(Level.ERROR, line.level());
    assertEquals("call", line.stepId());
    assertEquals(2, line.item());
    assertEquals("Step 'call' item 2 attempt 1 failed after 40 ms: HTTP_5XX: 503 from agent",
        line.message());
  }

  @Test
  void retriesAndCancellationsAreWarnings() {
    assertEquals(Level.WARN, EventLog.line(5,
        new StepRetryScheduled("call", null, 2, AT.plusSeconds(1), AT)).level());
    LogLine cancelled = EventLog.line(6, new ExecutionCancelled("ops", "customer withdrew", AT));
    assertEquals(Level.WARN, cancelled.level());
    assertNull(cancelled.stepId());
    assertEquals("Execution cancelled by ops: customer withdrew", cancelled.message());
  }

  @Test
  void progressIsInfoAndPayloadsAreNotRepeated() {
    LogLine started = EventLog.line(1, new ExecutionStarted("e", "default", "orders", 3,
        null, "shop", null, null, AT));
    assertEquals(Level.INFO, started.level());
    assertEquals("Execution started: workflow orders v3, triggered by shop", started.message());
    LogLine succeeded = EventLog.line(3, new StepSucceeded("call", null,
        StepType.HTTP_REQUEST, 2, io.ordo.engine.model.Json.mapper().createObjectNode()
            .put("secret", "do-not-log"), 12, AT));
    assertEquals("Step 'call' completed in 12 ms (attempt 2)", succeeded.message());
  }

  @Test
  void aSignalThatCompletedAWaitingStepIsAboutThatStep() {
    LogLine line = EventLog.line(7, new SignalReceived("approval", null, "approve", null, AT));
    assertEquals("approve", line.stepId());
    assertTrue(line.message().startsWith("Signal 'approval' received"));
  }
}
