package io.ordo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ordo run} beyond the examples' happy paths (following an execution live while it is
 * paused, resumed and cancelled; a wait that runs out; refusals; idempotency keys) and
 * {@code ordo executions list/show}, against a real node ({@link SharedNode}).
 */
class RunAndHistoryIT {

  /** A workflow that waits long enough to be watched, paused and cancelled. */
  private static final String SLOW = """
      {"id": "cli-slow", "steps": [
        {"id": "nap", "type": "WAIT", "duration": "PT30S"},
        {"id": "after", "type": "DATA_TRANSFORM", "dependsOn": ["nap"], "expression": 1}]}""";

  /** basic_sequence.json, renamed. */
  private static final String BASIC = "cli-basic";

  private static TestNode node;

  @BeforeAll
  static void importWorkflows(@TempDir Path dir) throws IOException {
    node = SharedNode.get().node;
    Path slow = Files.writeString(dir.resolve("slow.json"), SLOW);
    // The basic example under an id of its own, so that ExamplesIT's import is unaffected.
    Path basic = Files.writeString(dir.resolve("basic.json"),
        Files.readString(Path.of(Cli.example("basic_sequence.json")))
            .replace("\"id\": \"basic-sequence\"", "\"id\": \"" + BASIC + "\""));
    Cli.Run imported = cli("workflows", "import", slow.toString(), basic.toString());
    assertEquals(0, imported.exitCode(), imported::toString);
    assertTrue(imported.out().contains("2 created"), imported::toString);
  }

  /** The example agents answer as scripted, whatever another test class reprogrammed. */
  @BeforeEach
  void resetTheAgents() {
    ExampleAgents.script(SharedNode.get().agent);
  }

  @Test
  void watchFollowsAnExecutionLiveThroughPauseResumeAndCancel() throws Exception {
    Cli.Started watching = Cli.start(node.url(), "run", "cli-slow", "--watch");
    Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
        .until(() -> watching.outSoFar().matches("(?s).*nap +waiting until .*"));
    String id = watching.outSoFar().lines().findFirst().orElseThrow();

    assertEquals(200, node.post("/executions/" + id + "/pause", "{}"));
    Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
        .until(() -> watching.outSoFar().matches("(?s).*execution +paused.*"));
    assertEquals(200, node.post("/executions/" + id + "/resume", "{}"));
    assertEquals(200, node.post("/executions/" + id + "/cancel", "{\"reason\": \"enough\"}"));

    Cli.Run run = watching.await();
    assertEquals(1, run.exitCode(), run::toString);
    Cli.assertInOrder(run, id, "execution +started cli-slow v1", "nap +waiting until .*",
        "execution +paused", "execution +resumed", "execution +cancelled.*: enough",
        "CANCELLED in .*", "error: .*enough.*");
  }

  @Test
  void aWaitThatRunsOutExitsWithFiveWhileTheExecutionCarriesOn() {
    Cli.Run waited = cli("run", "cli-slow", "--wait", "PT1S");
    assertEquals(5, waited.exitCode(), waited::toString);
    assertEquals("RUNNING", waited.lines().get(1), waited::toString);
    assertTrue(waited.err().contains("still RUNNING after PT1S"), waited::toString);
    assertTrue(waited.err().contains("ordo executions show " + waited.id()), waited::toString);

    Cli.Run watched = cli("run", "cli-slow", "--watch", "--wait", "PT1S");
    assertEquals(5, watched.exitCode(), watched::toString);
    Cli.assertInOrder(watched, "execution +started", "nap +waiting until .*", "RUNNING");

    for (String id : new String[] {waited.id(), watched.id()}) {
      assertEquals("RUNNING", node.get("/executions/" + id).path("status").asText());
      assertEquals(200, node.post("/executions/" + id + "/cancel", "{}"));
    }
  }

  @Test
  void anIdempotencyKeyReachesTheSameExecution() {
    Cli.Run first = cli("run", BASIC, "--input", "{\"customerId\": \"c-42\"}",
        "--idempotency-key", "welcome-c-42", "--watch");
    Cli.Run again = cli("run", BASIC, "--input", "{\"customerId\": \"c-42\"}",
        "--idempotency-key", "welcome-c-42", "--watch");
    assertEquals(0, first.exitCode(), first::toString);
    assertEquals(0, again.exitCode(), again::toString);
    assertEquals(first.id(), again.id());
    assertEquals(first.output(), again.output());
  }
  @Test
  void runWithoutWatchPrintsTheIdAndRefusalsExitWithFour() {
    Cli.Run started = cli("run", BASIC, "--input", "{\"customerId\": \"c-42\"}");
    assertEquals(0, started.exitCode(), started::toString);
    assertEquals(1, started.lines().size(), started::toString);
    assertEquals(BASIC, node.get("/executions/" + started.id()).path("workflowId")
        .asText());

    Cli.Run waited = cli("run", BASIC, "--input", "{\"customerId\": \"c-42\"}",
        "--wait", "PT30S");
    assertEquals(0, waited.exitCode(), waited::toString);
    assertTrue(waited.out().contains("COMPLETED in "), waited::toString);

    Cli.Run badInput = cli("run", BASIC, "--input", "{}", "--watch");
    assertEquals(4, badInput.exitCode(), badInput::toString);
    assertTrue(badInput.err().contains("customerId"), badInput::toString);
    assertTrue(badInput.out().isEmpty(), badInput::toString);

    Cli.Run unknown = cli("run", "no-such-workflow");
    assertEquals(4, unknown.exitCode(), unknown::toString);
    assertTrue(unknown.err().startsWith("ordo run: "), unknown::toString);
  }

  @Test
  void executionsListFiltersTheHistoryAndShowDetailsOne() {
    String who = "list-test";
    String ok = cli("run", BASIC, "--input", "{\"customerId\": \"c-42\"}",
        "--triggered-by", who, "--watch").id();
    Cli.Run failing = cli("run", BASIC, "--input", "{\"customerId\": \"nobody\"}",
        "--triggered-by", who, "--watch");
    assertEquals(1, failing.exitCode(), failing::toString);
    String failed = failing.id();

    // The list reads the history projection, which catches up a moment after the journal.
    Awaitility.await().atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(200)).until(() -> {
          String list = cli("executions", "list", "--triggered-by", who).out();
          return list.matches("(?s).*" + ok + " +" + BASIC + " +1 +COMPLETED .*")
              && list.matches("(?s).*" + failed + " +" + BASIC + " +1 +FAILED .*");
        });
    Cli.Run list = cli("executions", "list", "--triggered-by", who);
    assertEquals(0, list.exitCode(), list::toString);
    assertTrue(list.lines().get(0).matches("ID +WORKFLOW +VERSION +STATUS +STARTED +DURATION"),
        list::toString);
    assertTrue(list.lines().get(1).startsWith(failed), () -> "newest first: " + list);
    assertTrue(list.lines().get(2).startsWith(ok), () -> "newest first: " + list);

    Cli.Run onlyFailed = cli("executions", "list", "--triggered-by", who, "--status", "failed");
    assertEquals(0, onlyFailed.exitCode(), onlyFailed::toString);
    assertTrue(onlyFailed.out().contains(failed) && !onlyFailed.out().contains(ok),
        onlyFailed::toString);

    Cli.Run firstPage = cli("executions", "list", "--triggered-by", who, "--limit", "1");
    assertEquals(2, firstPage.lines().size(), firstPage::toString);
    String cursor = firstPage.err().lines().filter(l -> l.startsWith("More: add --cursor "))
        .findFirst().orElseThrow(() -> new AssertionError(firstPage)).substring(19);
    Cli.Run secondPage = cli("executions", "list", "--triggered-by", who, "--limit", "1",
        "--cursor", cursor);
    assertTrue(secondPage.out().contains(ok), secondPage::toString);

    Cli.Run badStatus = cli("executions", "list", "--status", "DONE");
    assertEquals(4, badStatus.exitCode(), badStatus::toString);
    assertTrue(badStatus.err().contains("/status"), badStatus::toString);

    Cli.Run show = cli("executions", "show", failed);
    assertEquals(0, show.exitCode(), show::toString);
    assertTrue(show.out().contains("Status     FAILED"), show::toString);
    assertTrue(show.out().matches("(?s).*customer +HTTP_REQUEST +FAILED +1 .*HTTP_4XX.*"),
        show::toString);
    assertTrue(show.out().matches("(?s).*send +HTTP_REQUEST +PENDING .*"), show::toString);

    Cli.Run json = cli("executions", "show", ok, "--json");
    assertEquals(0, json.exitCode(), json::toString);
    assertTrue(json.out().contains("\"status\" : \"COMPLETED\""), json::toString);

    Cli.Run missing = cli("executions", "show", "no-such-execution");
    assertEquals(4, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("Not Found") || missing.err().contains("not found")
        || missing.err().contains("no execution"), missing::toString);
  }

  private static Cli.Run cli(String... args) {
    return Cli.run(node.url(), args);
  }
}
