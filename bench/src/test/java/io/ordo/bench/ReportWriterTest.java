package io.ordo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  @TempDir
  Path root;

  private Harness harness(Options o) {
    var machine = new Machine(2, "AMD EPYC", 24_000, "Linux 6", "OpenJDK 17", "0123456789abcdef",
        0);
    return new Harness(o, root.resolve("bench/target/run"), machine);
  }

  @Test
  void writesDatedAndLatestJsonAndTheReportFromTheCheckedInProse() throws Exception {
    Files.createDirectories(root.resolve("docs"));
    Files.writeString(root.resolve("docs/benchmarks.md"), """
        # Benchmarks

        Hand-written.

        <!-- BEGIN generated:table -->
        <!-- END generated:table -->
        """);
    Options o = Options.parse("--root", root.toString());
    Harness h = harness(o);
    h.results().row("P3 closed, 1 in flight", "completed executions/s", "123");
    h.results().put("latency", Percentiles.ofNanos(new long[0]));
    h.results().goal(Results.Goal.P3_THROUGHPUT, "123 executions/s", false);
    new ReportWriter(o, h.machine(), Instant.parse("2026-11-23T12:34:56Z"), 60, h).write();

    Path dated = root.resolve("bench/results/2026-11-23T1234Z-0123456789.json");
    JsonNode json = Json.mapper().readTree(dated.toFile());
    assertEquals(json, Json.mapper().readTree(root.resolve("bench/results/latest.json").toFile()));
    assertEquals("123", json.at("/rows/0/value").asText());
    assertEquals("NaN", json.at("/latency/p99").asText(), "NaN stays valid JSON");
    assertEquals(Results.Goal.values().length, json.get("goals").size());

    String doc = Files.readString(root.resolve("docs/benchmarks.md"));
    assertTrue(doc.startsWith("# Benchmarks\n\nHand-written.\n"), doc);
    assertTrue(doc.contains("| P3 closed, 1 in flight | completed executions/s | 123 |  |  |"
        + " 2× EPYC, 23 GiB | 2026-11-23 | 0123456789 |"), doc);
    for (String block : Report.BLOCKS) {
      assertTrue(doc.contains("<!-- BEGIN generated:" + block + " -->"), block);
    }
  }

  @Test
  void quickRunsLeaveDocsAndResultsAlone() throws Exception {
    Options o = Options.parse("--root", root.toString(), "--quick");
    Harness h = harness(o);
    new ReportWriter(o, h.machine(), Instant.parse("2026-11-23T12:34:56Z"), 1, h).write();
    assertTrue(Files.exists(root.resolve("bench/target/quick/latest.json")));
    assertTrue(Files.readString(root.resolve("bench/target/quick/benchmarks.md"))
        .contains("--quick run"));
    assertTrue(Files.notExists(root.resolve("docs")));
    assertTrue(Files.notExists(root.resolve("bench/results")));
  }
}
