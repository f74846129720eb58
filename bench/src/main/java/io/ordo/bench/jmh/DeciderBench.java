package io.ordo.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import io.ordo.engine.model.Json;
import io.ordo.engine.runtime.EngineSettings;
import io.ordo.engine.runtime.definitions.CompiledWorkflow;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionStarted;
import io.ordo.engine.runtime.execution.logic.Decision;
import io.ordo.engine.runtime.execution.logic.ExecutionDecider;
import io.ordo.engine.runtime.steps.StepHandlers;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * DAG readiness and the decider: the start of an execution of N inline DATA_TRANSFORM steps,
 * which resolves readiness step by step, evaluates each (a constant), applies every event to
 * the state and checks each transition, all in one decision of N + 2 events. {@code sequence}
 * is a chain; {@code fanout} one root, N - 2 parallel steps and a join over all of them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DeciderBench {

  @Param({"10", "100", "1000"})
  public int steps;

  // Fan-out: a root, N − 2 steps ready at once after it, a join (a chain costs the same per step).
  @Param({"fanout"})
  public String shape;

  private ExecutionDecider decider;
  private ExecutionStarted started;

  @Setup
  public void setup() throws Exception {
    var definition = shape.equals("sequence") ? Workflows.sequence("wf", steps)
        : Workflows.fanOutIn("wf", steps);
    CompiledWorkflow workflow = Workflows.compile(definition);
    decider = new ExecutionDecider(workflow, StepHandlers.standard(),
        EngineSettings.from(ConfigFactory.load()), () -> 0.5);
    JsonNode input = Json.mapper().readTree(Workflows.P3_INPUT);
    started = new ExecutionStarted("e-1", "default", "wf", 1, input, "bench", null, null,
        Instant.parse("2026-11-23T09:00:00Z"));
    Decision d = decider.start(started);
    if (d.events().size() != steps + 2) {
      throw new IllegalStateException("expected " + (steps + 2) + " events, got "
          + d.events().size());
    }
  }

  /** The whole start decision: every step becomes ready, runs inline and completes. */
  @Benchmark
  public Decision startAndRunAll() {
    return decider.start(started);
  }
}
