package io.ordo.engine.runtime.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The transition tables, and their rendering in docs/architecture.md. */
class LifecyclesTest {

  private static final Path DOC = Path.of("../../docs/architecture.md");
  private static final Path RENDERED = Path.of("target/lifecycle.md");
  private static final String BEGIN = "<!-- lifecycle:begin -->";
  private static final String END = "<!-- lifecycle:end -->";

  @Test
  void everyExecutionStatusHasARow() {
    assertEquals(EnumSet.allOf(ExecutionStatus.class), Lifecycles.EXECUTION.keySet());
  }

  @Test
  void everyStepStatusHasARow() {
    assertEquals(EnumSet.allOf(StepStatus.class), Lifecycles.STEP.keySet());
  }

  @Test
  void endedExecutionsOnlyMoveBackToRunningWhenFailedOrTimedOut() {
    assertEquals(Set.of(), Lifecycles.EXECUTION.get(ExecutionStatus.COMPLETED));
    assertEquals(Set.of(), Lifecycles.EXECUTION.get(ExecutionStatus.CANCELLED));
    assertEquals(Set.of(ExecutionStatus.RUNNING), Lifecycles.EXECUTION.get(ExecutionStatus.FAILED));
    assertEquals(Set.of(ExecutionStatus.RUNNING),
        Lifecycles.EXECUTION.get(ExecutionStatus.TIMED_OUT));
  }

  @Test
  void endedStepsOnlyMoveBackToPendingOrToTheirNextAttempt() {
    assertEquals(Set.of(), Lifecycles.STEP.get(StepStatus.COMPLETED));
    // An execution retry makes the steps a failed PARALLEL skipped pending again.
    assertEquals(Set.of(StepStatus.PENDING), Lifecycles.STEP.get(StepStatus.SKIPPED));
    // ... and a FOR_EACH resumes RUNNING, with the items it finished.
    assertEquals(Set.of(StepStatus.PENDING, StepStatus.RUNNING),
        Lifecycles.STEP.get(StepStatus.CANCELLED));
    // RETRYING is the next attempt of the same step, decided right after the failed one.
    assertEquals(Set.of(StepStatus.PENDING, StepStatus.RUNNING, StepStatus.RETRYING),
        Lifecycles.STEP.get(StepStatus.FAILED));
  }

  @Test
  void terminalStatusesNeverMoveStraightToAnotherTerminalStatus() {
    for (var row : Lifecycles.EXECUTION.entrySet()) {
      if (row.getKey().isTerminal()) {
        assertTrue(row.getValue().stream().noneMatch(ExecutionStatus::isTerminal), row::toString);
      }
    }
    for (var row : Lifecycles.STEP.entrySet()) {
      if (row.getKey().isTerminal()) {
        assertTrue(row.getValue().stream().noneMatch(StepStatus::isTerminal), row::toString);
      }
    }
  }

  @Test
  void noStatusMovesToItself() {
    Lifecycles.EXECUTION.forEach((from, to) -> assertFalse(to.contains(from), from::name));
    Lifecycles.STEP.forEach((from, to) -> assertFalse(to.contains(from), from::name));
  }

  @Test
  void everyNonInitialStatusIsReachable() {
    var reachedExecution = Lifecycles.EXECUTION.values().stream().flatMap(Set::stream)
        .collect(Collectors.toSet());
    assertEquals(EnumSet.complementOf(EnumSet.of(ExecutionStatus.PENDING)), reachedExecution);
    var reachedStep = Lifecycles.STEP.values().stream().flatMap(Set::stream)
        .collect(Collectors.toSet());
    assertEquals(EnumSet.allOf(StepStatus.class), reachedStep);
  }

  @Test
  void canMoveAnswersFromTheTables() {
    assertTrue(Lifecycles.canMove(ExecutionStatus.RUNNING, ExecutionStatus.COMPLETED));
    assertFalse(Lifecycles.canMove(ExecutionStatus.COMPLETED, ExecutionStatus.RUNNING));
    assertTrue(Lifecycles.canMove(StepStatus.PENDING, StepStatus.COMPLETED));
    assertFalse(Lifecycles.canMove(StepStatus.SKIPPED, StepStatus.RUNNING));
  }

  @Test
  void rendersTheTablesAsMarkdownForTheDocs() throws IOException {
    String markdown = render();
    Files.createDirectories(RENDERED.getParent());
    Files.writeString(RENDERED, markdown, StandardCharsets.UTF_8);

    for (ExecutionStatus status : ExecutionStatus.values()) {
      assertTrue(markdown.contains("| `" + status + "` |"), status::name);
    }
    for (StepStatus status : StepStatus.values()) {
      assertTrue(markdown.contains("| `" + status + "` |"), status::name);
    }
  }

  @Test
  void architectureDocShowsTheCurrentTables() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int begin = doc.indexOf(BEGIN);
    int end = doc.indexOf(END);
    assertTrue(begin >= 0 && end > begin, "markers in " + DOC);

    String section = doc.substring(begin + BEGIN.length(), end);

    assertEquals("\n" + render(), section,
        "paste target/lifecycle.md between the lifecycle markers of docs/architecture.md");
  }

  /** Both tables, one row per status in declaration order; terminal statuses are marked. */
  static String render() {
    return table("Execution", Lifecycles.EXECUTION, ExecutionStatus::isTerminal)
        + "\n" + table("Step", Lifecycles.STEP, StepStatus::isTerminal);
  }

  private static <S extends Enum<S>> String table(String what, Map<S, Set<S>> transitions,
      Predicate<S> terminal) {
    var out = new StringBuilder();
    out.append("| ").append(what).append(" status | Terminal | May move to |\n");
    out.append("|---|---|---|\n");
    transitions.forEach((from, to) -> out.append("| `").append(from).append("` | ")
        .append(terminal.test(from) ? "yes" : "no").append(" | ")
        .append(to.isEmpty() ? "—" : to.stream().map(s -> "`" + s + "`")
            .collect(Collectors.joining(", ")))
        .append(" |\n"));
    return out.toString();
  }
}
