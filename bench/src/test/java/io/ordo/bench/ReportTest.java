package io.ordo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

  private static final String DOC = """
      # Benchmarks

      Prose before.

      <!-- BEGIN generated:table -->
      old table
      <!-- END generated:table -->

      Prose between, with $ and \\ kept.

      <!-- BEGIN generated:goals -->
      <!-- END generated:goals -->
      Prose after.
      """;

  @Test
  void replacesOnlyWhatIsBetweenTheMarkers() {
    String out = Report.fill(DOC, Map.of("table", "| new | table |\n", "goals", "goals $1"));
    assertEquals("""
        # Benchmarks

        Prose before.

        <!-- BEGIN generated:table -->
        | new | table |
        <!-- END generated:table -->

        Prose between, with $ and \\ kept.

        <!-- BEGIN generated:goals -->
        goals $1
        <!-- END generated:goals -->
        Prose after.
        """, out);
  }

  @Test
  void keepsABlockItIsNotGiven() {
    String out = Report.fill(DOC, Map.of("goals", "g"));
    assertTrue(out.contains("<!-- BEGIN generated:table -->\nold table\n"), out);
  }

  @Test
  void appendsABlockTheDocumentLacks() {
    var blocks = new LinkedHashMap<String, String>();
    blocks.put("profile", "hot");
    String out = Report.fill(DOC, blocks);
    assertTrue(out.startsWith(DOC), out);
    assertTrue(out.endsWith("## profile (generated)\n\n<!-- BEGIN generated:profile -->\nhot\n"
        + "<!-- END generated:profile -->\n"), out);
  }

  @Test
  void fillingTwiceGivesTheSameDocument() {
    Map<String, String> blocks = Map.of("table", "t\n", "goals", "g\n");
    String once = Report.fill(DOC, blocks);
    assertEquals(once, Report.fill(once, blocks));
  }

  @Test
  void tableRowsCarryMachineDateAndRevisionAndEscapePipes() {
    String table = Report.table(List.of(new Results.Row("P3", "a | b", "1", "", "")),
        "2× EPYC, 23 GiB", "2026-11-23", "907faf6");
    assertEquals("""
        | workload | figure | value | baseline | ratio | machine | date | git revision |
        |---|---|---|---|---|---|---|---|
        | P3 | a / b | 1 |  |  | 2× EPYC, 23 GiB | 2026-11-23 | 907faf6 |
        """, table);
  }

  @Test
  void everyGoalIsListedMeasuredOrNot() {
    var results = new Results();
    results.goal(Results.Goal.P3_THROUGHPUT, "420 executions/s", false);
    String goals = Report.goals(results.goals());
    assertEquals(Results.Goal.values().length + 2, goals.lines().count());
    assertTrue(goals.contains("| 420 executions/s | **not met** |"), goals);
    assertTrue(goals.contains("| not measured in this run | not measured |"), goals);
  }
}
