package io.ordo.engine.runtime.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ordo.engine.model.StepType;
import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCancelled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCompleted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionPaused;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionResumed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionRetried;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.Origin;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.SignalReceived;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepStarted;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which events stand for execution commands in the audit log, and what their entries say. */
class ExecutionAuditEntriesTest {

  private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
  private static final Origin ORIGIN = new Origin("alice", "req-7");

  @Test
  void everyCommandIsAnActionWithItsOriginAsActorAndCorrelationId() {
    List<ExecutionEvent> commands = Origin.attribute(List.of(
        new ExecutionStarted("ex-1", "ws", "wf", 2, null, "someone", "key-1", null, AT),
        new ExecutionCancelled("alice", "stop", AT),
        new ExecutionRetried("alice", null, AT),
        new ExecutionPaused("alice", AT),
        new ExecutionResumed("alice", AT),
        new SignalReceived("go", JsonNodeFactory.instance.objectNode().put("secret", "s3"),
            "wait", null, AT)), ORIGIN);

    var actions = commands.stream()
        .map(e -> ExecutionAuditEntries.of("ex-1", e).orElseThrow()).toList();

    assertEquals(List.of("execution.started", "execution.cancelled", "execution.retried",
        "execution.paused", "execution.resumed", "execution.signalled"),
        actions.stream().map(AuditEntry::action).toList());
    for (AuditEntry entry : actions) {
      assertEquals("alice", entry.actor(), entry::toString);
      assertEquals("req-7", entry.correlationId(), entry::toString);
      assertEquals("execution", entry.entityType());
      assertEquals("ex-1", entry.entityId());
    }
    assertEquals("ws", actions.get(0).workspaceId(), "the start names the workspace");
    assertNull(actions.get(1).workspaceId(), "later commands take it from the start's entry");
  }

  @Test
  void whatTheEngineDidByItselfIsNotAnExecutionCommand() {
    assertTrue(ExecutionAuditEntries.of("ex-1",
        new StepStarted("a", null, StepType.WAIT, 1, AT)).isEmpty());
    assertTrue(ExecutionAuditEntries.of("ex-1",
        new ExecutionCompleted(null, List.of(), AT)).isEmpty());
  }

  @Test
  void withoutAnOriginTheActorIsWhoTheEventNamesElseTheSystem() {
    assertEquals("bob", ExecutionAuditEntries.of("ex-1",
        new ExecutionPaused("bob", AT)).orElseThrow().actor());
    assertEquals("execution:parent-1", ExecutionAuditEntries.of("ex-1",
        new ExecutionStarted("ex-1", "ws", "wf", 1, null, "execution:parent-1", null, null, AT))
        .orElseThrow().actor());
    assertEquals(ExecutionAuditEntries.SYSTEM, ExecutionAuditEntries.of("ex-1",
        new SignalReceived("go", null, AT)).orElseThrow().actor());
  }

  @Test
  void aSignalsPayloadIsNotRecorded() {
    var entry = ExecutionAuditEntries.of("ex-1", new SignalReceived("go",
        JsonNodeFactory.instance.objectNode().put("token", "s3cr3t"), "wait", null, AT, ORIGIN))
        .orElseThrow();

    assertFalse(entry.details().toString().contains("s3cr3t"), entry.details()::toString);
    assertEquals("go", entry.details().get("signal").asText());
    assertEquals("wait", entry.details().get("stepId").asText());
  }
}
