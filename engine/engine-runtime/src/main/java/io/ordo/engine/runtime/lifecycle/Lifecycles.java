package io.ordo.engine.runtime.lifecycle;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The transition tables of executions and steps, checked in one place. docs/architecture.md
 * renders them; a test keeps that rendering in step with this table.
 */
public final class Lifecycles {

  public static final Map<ExecutionStatus, Set<ExecutionStatus>> EXECUTION = executionTable();
  public static final Map<StepStatus, Set<StepStatus>> STEP = stepTable();

  private Lifecycles() {}

  public static boolean canMove(ExecutionStatus from, ExecutionStatus to) {
    return EXECUTION.get(from).contains(to);
  }

  public static boolean canMove(StepStatus from, StepStatus to) {
    return STEP.get(from).contains(to);
  }

  private static Map<ExecutionStatus, Set<ExecutionStatus>> executionTable() {
    var t = new EnumMap<ExecutionStatus, Set<ExecutionStatus>>(ExecutionStatus.class);
    t.put(ExecutionStatus.PENDING, EnumSet.of(ExecutionStatus.RUNNING, ExecutionStatus.CANCELLED));
    t.put(ExecutionStatus.RUNNING, EnumSet.of(ExecutionStatus.PAUSED, ExecutionStatus.COMPLETED,
        ExecutionStatus.FAILED, ExecutionStatus.CANCELLED, ExecutionStatus.TIMED_OUT));
    t.put(ExecutionStatus.PAUSED, EnumSet.of(ExecutionStatus.RUNNING, ExecutionStatus.CANCELLED,
        ExecutionStatus.TIMED_OUT));
    // A retry resumes a failed or timed-out execution from its failed steps.
    t.put(ExecutionStatus.FAILED, EnumSet.of(ExecutionStatus.RUNNING));
    t.put(ExecutionStatus.TIMED_OUT, EnumSet.of(ExecutionStatus.RUNNING));
    t.put(ExecutionStatus.COMPLETED, EnumSet.noneOf(ExecutionStatus.class));
    t.put(ExecutionStatus.CANCELLED, EnumSet.noneOf(ExecutionStatus.class));
    return freeze(t);
  }

  private static Map<StepStatus, Set<StepStatus>> stepTable() {
    var t = new EnumMap<StepStatus, Set<StepStatus>>(StepStatus.class);
    // In-process steps finish in the command that makes them ready, so PENDING may end directly.
    t.put(StepStatus.PENDING, EnumSet.of(StepStatus.RUNNING, StepStatus.COMPLETED,
        StepStatus.FAILED, StepStatus.SKIPPED, StepStatus.CANCELLED, StepStatus.RETRYING));
    t.put(StepStatus.RUNNING, EnumSet.of(StepStatus.COMPLETED, StepStatus.FAILED,
        StepStatus.RETRYING, StepStatus.CANCELLED));
    t.put(StepStatus.RETRYING, EnumSet.of(StepStatus.RUNNING, StepStatus.COMPLETED,
        StepStatus.FAILED, StepStatus.CANCELLED));
    // A failed attempt may be followed by another; an execution retry sends failed and
    // cancelled steps back to the start (a FOR_EACH resumes, RUNNING, with its finished items).
    t.put(StepStatus.FAILED, EnumSet.of(StepStatus.RETRYING, StepStatus.PENDING,
        StepStatus.RUNNING));
    t.put(StepStatus.CANCELLED, EnumSet.of(StepStatus.PENDING, StepStatus.RUNNING));
    t.put(StepStatus.COMPLETED, EnumSet.noneOf(StepStatus.class));
    // Skipped because its PARALLEL failed: pending again when the execution is retried.
    t.put(StepStatus.SKIPPED, EnumSet.of(StepStatus.PENDING));
    return freeze(t);
  }

  private static <K extends Enum<K>, V> Map<K, Set<V>> freeze(EnumMap<K, Set<V>> table) {
    table.replaceAll((k, v) -> Collections.unmodifiableSet(v));
    return Collections.unmodifiableMap(table);
  }
}
