package io.ordo.engine.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCancelled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionCompleted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionFailed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionStarted;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionTimedOut;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepFailed;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepRetryScheduled;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepSucceeded;
import io.ordo.engine.runtime.lifecycle.ExecutionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts what executions persist. It is fed from the entity after each write (never on
 * recovery), so a replayed journal does not count twice; figures are per node and reset on
 * restart, as Prometheus counters expect. Tags are the workflow id and, for steps, the step
 * type: both bounded by the definitions, never by executions.
 */
public final class ExecutionMetrics {

  private final MeterRegistry registry;
  private final Timer journalWrite;
  private final AtomicInteger inMemory = new AtomicInteger();

  ExecutionMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("ordo.executions.in.memory", inMemory, AtomicInteger::get)
        .description("Execution entities this node holds in memory (not passivated)")
        .register(registry);
    this.journalWrite = Timer.builder("ordo.journal.write")
        .description("Time from deciding events to their write being confirmed by the journal")
        .publishPercentileHistogram()
        .register(registry);
  }

  /** An execution entity came into memory on this node (a start, a recovery). */
  public void entityStarted() {
    inMemory.incrementAndGet();
  }

  /** It left memory (passivated or stopped). */
  public void entityStopped() {
    inMemory.decrementAndGet();
  }

  /**
   * One confirmed write of {@code events} for an execution of {@code workflowId} that started
   * at {@code startedAt}, which took {@code writeNanos}.
   */
  public void persisted(String workflowId, Instant startedAt, List<ExecutionEvent> events,
      long writeNanos) {
    journalWrite.record(writeNanos, TimeUnit.NANOSECONDS);
    for (ExecutionEvent event : events) {
      if (event instanceof ExecutionStarted) {
        counter("ordo.executions.started", "Executions started", "workflow", workflowId)
            .increment();
      } else if (event instanceof StepSucceeded s) {
        step(workflowId, s.type().name(), "succeeded", s.durationMs());
      } else if (event instanceof StepFailed s) {
        step(workflowId, s.type().name(), "failed", s.durationMs());
      } else if (event instanceof StepRetryScheduled) {
        counter("ordo.step.retries", "Step retries scheduled", "workflow", workflowId)
            .increment();
      } else {
        ExecutionStatus ended = endStatus(event);
        if (ended != null) {
          finished(workflowId, ended, startedAt, event);
        }
      }
    }
  }

  private static ExecutionStatus endStatus(ExecutionEvent event) {
    if (event instanceof ExecutionCompleted) {
      return ExecutionStatus.COMPLETED;
    } else if (event instanceof ExecutionFailed) {
      return ExecutionStatus.FAILED;
    } else if (event instanceof ExecutionCancelled) {
      return ExecutionStatus.CANCELLED;
    } else if (event instanceof ExecutionTimedOut) {
      return ExecutionStatus.TIMED_OUT;
    }
    return null;
  }

  private void finished(String workflowId, ExecutionStatus status, Instant startedAt,
      ExecutionEvent event) {
    counter("ordo.executions.finished", "Executions that ended, by final status",
        "workflow", workflowId, "status", status.name()).increment();
    if (startedAt != null) {
      Timer.builder("ordo.execution.duration")
          .description("Wall time from start to end of executions")
          .tags("workflow", workflowId, "status", status.name())
          .publishPercentileHistogram()
          .register(registry)
          .record(Duration.between(startedAt, event.at()));
    }
  }

  private void step(String workflowId, String type, String outcome, long durationMs) {
    Timer.builder("ordo.step.duration")
        .description("Duration of step attempts")
        .tags("workflow", workflowId, "type", type, "outcome", outcome)
        .publishPercentileHistogram()
        .register(registry)
        .record(durationMs, TimeUnit.MILLISECONDS);
  }

  private Counter counter(String name, String description, String... tags) {
    return Counter.builder(name).description(description).tags(tags).register(registry);
  }
}
