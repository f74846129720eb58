package io.ordo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.testkit.RecordedCall;
import io.ordo.testkit.TestAgent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four example workflows end to end through the command line, as a user runs them: a real
 * node on embedded PostgreSQL ({@link SharedNode}), the agents they call played by a real local
 * HTTP agent, every file imported with {@code ordo workflows import}, and each run with
 * {@code ordo run --watch}, which follows the server-sent events to the end and exits with the
 * execution's outcome.
 */
class ExamplesIT {

  static final String[] EXAMPLES = {"basic_sequence.json", "parallel_processing.json",
      "conditional_workflow.json", "data_pipeline.json"};

  private static TestAgent agent;
  private static TestNode node;
  private static Cli.Run imported;

  @BeforeAll
  static void importTheExamples() {
    node = SharedNode.get().node;
    agent = SharedNode.get().agent;
    imported = cli(importArgs());
  }

  /** Each test starts from the happy paths, whatever the one before reprogrammed. */
  @BeforeEach
  void resetTheAgents() {
    ExampleAgents.script(agent);
  }

  @Test
  void importCreatesEveryExampleThenSkipsOrRefusesThemWhenTheyExist() {
    assertEquals(0, imported.exitCode(), imported::toString);
    for (String id : List.of("basic-sequence", "parallel-processing", "conditional-workflow",
        "data-pipeline")) {
      assertTrue(imported.lines().stream().anyMatch(l -> l.matches("created\\s+" + id
          + "\\s+v1\\s+.*\\.json")), () -> id + " in " + imported);
    }
    assertTrue(imported.out().contains("4 files: 4 created, 0 updated, 0 unchanged, 0 skipped, "
        + "0 failed"), imported::toString);

    Cli.Run again = cli(importArgs("--skip-existing"));
    assertEquals(0, again.exitCode(), again::toString);
    assertTrue(again.out().contains("4 files: 0 created, 0 updated, 0 unchanged, 4 skipped"),
        again::toString);

    Cli.Run refused = cli(importArgs());
    assertEquals(4, refused.exitCode(), refused::toString);
    assertTrue(refused.err().contains("workflow 'data-pipeline' exists already"),
        refused::toString);

    Cli.Run unchanged = cli(importArgs("--update"));
    assertEquals(0, unchanged.exitCode(), unchanged::toString);
    assertTrue(unchanged.out().contains("4 unchanged"), unchanged::toString);
  }

  @Test
  void everyExampleIsValidAndAnInvalidFileIsRefusedWithPointers(@TempDir Path dir)
      throws IOException {
    Cli.Run valid = cli(validateArgs());
    assertEquals(0, valid.exitCode(), valid::toString);
    assertTrue(valid.out().contains("4 files: 4 valid, 0 invalid"), valid::toString);

    Path broken = Files.writeString(dir.resolve("broken.json"), """
        {"id": "broken", "steps": [
          {"id": "a", "type": "DATA_TRANSFORM", "dependsOn": ["nope"], "expression": 1}]}""");
    Cli.Run invalid = cli("workflows", "import", broken.toString());
    assertEquals(4, invalid.exitCode(), invalid::toString);
    assertTrue(invalid.err().contains(broken + ": /steps/0/dependsOn/0: "), invalid::toString);
    assertEquals(404, node.status("/workflows/broken"));
  }

  @Test
  void basicSequenceRunsItsThreeStepsInOrder() {
    Cli.Run run = cli("run", "basic-sequence", "--input", input("basic_sequence"), "--watch");
    assertEquals(0, run.exitCode(), run::toString);
    Cli.assertInOrder(run, "execution +started basic-sequence v1", "customer +started",
        "customer +succeeded in .*: GET http://127\\.0\\.0\\.1:\\d+/crm/customers/c-42 -> 200",
        "message +succeeded", "send +succeeded in .*: POST .*/mailer/messages -> 202",
        "execution +completed \\(goals reached: welcomed\\)", "COMPLETED in .*");
    JsonNode output = run.output();
    assertEquals("m-1", output.path("messageId").asText(), run::toString);
    assertEquals("ada@example.com", output.path("to").asText(), run::toString);
    RecordedCall mail = agent.calls("/mailer/messages").get(0);
    assertEquals("Welcome to Ordo, Ada!", mail.bodyJson().path("subject").asText());
  }

  @Test
  void parallelProcessingRetriesAFailedBranchAndJoins() {
    agent.on("GET", "/inventory/stock/SKU-1").fail(1, 503)
        .thenRespond(200, "{\"sku\": \"SKU-1\", \"available\": 12}");
    Cli.Run run = cli("run", "parallel-processing", "--input", input("parallel_processing"),
        "--watch");
    assertEquals(0, run.exitCode(), run::toString);
    Cli.assertInOrder(run, "gather +started", "stock +failed in .* \\(attempt 1\\): HTTP_5XX: GET .* answered 503 .*", "stock +retry scheduled: attempt 2 at .*",
        "stock +succeeded", "gather +succeeded", "quote +succeeded", "COMPLETED in .*");
    assertTrue(run.lines().stream().anyMatch(l -> l.matches(".*list_price +succeeded.*")));
    assertTrue(run.lines().stream().anyMatch(l -> l.matches(".*shipping_rate +succeeded.*")));
    JsonNode quote = run.output();
    assertEquals(1190, quote.path("unitPriceCents").asInt(), run::toString);
    assertEquals(490, quote.path("shippingCents").asInt(), run::toString);
    assertEquals(2 * 1190 + 490, quote.path("totalCents").asInt(), run::toString);
    assertTrue(quote.path("available").asBoolean(), run::toString);
  }

  @Test
  void conditionalWorkflowSkipsTheBranchNotTakenAndWhatOnlyItLeadsTo() {
    Cli.Run small = cli("run", "conditional-workflow", "--watch", "--input",
        input("conditional_workflow"));
    assertEquals(0, small.exitCode(), small::toString);
    Cli.assertInOrder(small, "route +succeeded", "review +skipped: BRANCH_NOT_TAKEN",
        "review_notice +skipped: UNREACHABLE", "summary +succeeded", "COMPLETED in .*");
    assertEquals("refunded", small.output().path("decision").asText(), small::toString);
    assertEquals("r-1", small.output().path("refundId").asText(), small::toString);

    Cli.Run large = cli("run", "conditional-workflow", "--watch", "--input",
        "{\"orderId\": \"o-2\", \"amountCents\": 9900, \"reason\": \"changed my mind\"}");
    assertEquals(0, large.exitCode(), large::toString);
    Cli.assertInOrder(large, "refund +skipped: BRANCH_NOT_TAKEN", "review +succeeded",
        "review_notice +succeeded", "summary +succeeded", "COMPLETED in .*");
    assertEquals("in review", large.output().path("decision").asText(), large::toString);
    assertEquals("t-7", large.output().path("ticketId").asText(), large::toString);
  }

  @Test
  void dataPipelineFetchesTransformsEachOrderValidatesLoadsAndNotifies() {
    String input = "{\"date\": \"2026-11-22\", \"notifyUrl\": \""
        + agent.url(ExampleAgents.HOOK) + "\"}";
    Cli.Run run = cli("run", "data-pipeline", "--input", input, "--watch");
    assertEquals(0, run.exitCode(), run::toString);
    Cli.assertInOrder(run, "fetch +succeeded in .*: GET .*/shop/orders -> 200",
        "transform +for-each started: 3 items", "validate +succeeded", "load +succeeded",
        "notify +succeeded", "execution +completed \\(goals reached: loaded\\)", "COMPLETED in .*");
    for (int item = 0; item < 3; item++) {
      String prefix = "transform\\[" + item + "\\] +succeeded";
      assertTrue(run.lines().stream().anyMatch(l -> l.matches(".*" + prefix + ".*")),
          () -> prefix + " in " + run);
    }
    JsonNode output = run.output();
    assertEquals(3, output.path("orders").asInt(), run::toString);
    assertEquals(3, output.path("loaded").asInt(), run::toString);

    JsonNode rows = last(agent.calls("/warehouse/tables/orders/batches")).bodyJson();
    assertEquals("orders-2026-11-22", rows.path("batchId").asText());
    assertEquals("ada@example.com", rows.path("rows").get(0).path("customerEmail").asText());
    assertEquals(1999, rows.path("rows").get(0).path("amountCents").asInt());
    assertEquals(2, rows.path("rows").get(1).path("itemCount").asInt());
    assertEquals("2026-11-22", last(agent.calls("/shop/orders")).queryParams().get("date")
        .get(0));
    JsonNode hook = agent.awaitCalls(ExampleAgents.HOOK, 1, Duration.ofSeconds(5)).get(0)
        .bodyJson();
    assertEquals(3, hook.path("rowsLoaded").asInt());
    assertEquals(run.id(), hook.path("executionId").asText());
  }

  @Test
  void aFailedExecutionExitsWithOneAndSaysWhy() {
    // The CRM knows no customer "nobody": a 404, which is not retried.
    Cli.Run run = cli("run", "basic-sequence", "--input", "{\"customerId\": \"nobody\"}",
        "--watch");
    assertEquals(1, run.exitCode(), run::toString);
    Cli.assertInOrder(run, "customer +failed in .* \\(attempt 1\\): HTTP_4XX: GET "
            + "http://127\\.0\\.0\\.1:\\d+/crm/customers/nobody answered 404 Not Found",
        "execution +failed at step customer: HTTP_4XX: .*",
        "FAILED in .*", "error: HTTP_4XX at step 'customer'.*");
    assertTrue(run.lines().stream().noneMatch(l -> l.matches(".*send +started.*")),
        run::toString);
  }

  @Test
  void aBatchThatFailsValidationIsNotLoaded() {
    agent.on("GET", "/shop/orders").respond(200, """
        {"orders": [{"id": "o-9", "customer": {"email": "not-an-address"}, "total": 1,
          "currency": "euro", "lines": [], "createdAt": "2026-11-21T10:00:00Z"}]}""");
    int loadsBefore = agent.callCount("/warehouse/tables/orders/batches");
    Cli.Run run = cli("run", "data-pipeline", "--watch", "--input", "{\"date\": \"2026-11-21\", "
        + "\"notifyUrl\": \"" + agent.url(ExampleAgents.HOOK) + "\"}");
    assertEquals(1, run.exitCode(), run::toString);
    Cli.assertInOrder(run, "transform\\[0\\] +succeeded",
        "validate +failed in .* \\(attempt 1\\): VALIDATION_FAILED: .*",
        "execution +failed at step validate: VALIDATION_FAILED: .*", "FAILED in .*");
    assertTrue(run.lines().stream().noneMatch(l -> l.matches(".*validate +retry scheduled.*")),
        () -> "a validation failure is not retried: " + run);
    assertEquals(loadsBefore, agent.callCount("/warehouse/tables/orders/batches"));
  }

  // --- helpers ---

  private static Cli.Run cli(String... args) {
    return Cli.run(node.url(), args);
  }

  private static Cli.Run cli(List<String> args) {
    return cli(args.toArray(String[]::new));
  }

  private static List<String> importArgs(String... flags) {
    var args = new ArrayList<>(List.of("workflows", "import"));
    for (String example : EXAMPLES) {
      args.add(Cli.example(example));
    }
    args.addAll(List.of(flags));
    return args;
  }

  private static String[] validateArgs() {
    var args = new ArrayList<>(List.of("workflows", "validate"));
    for (String example : EXAMPLES) {
      args.add(Cli.example(example));
    }
    return args.toArray(String[]::new);
  }

  /** {@code @examples/workflows/inputs/<name>.json}: the input the example README runs with. */
  private static String input(String name) {
    return "@" + Cli.EXAMPLES.resolve("inputs").resolve(name + ".json");
  }

  private static RecordedCall last(List<RecordedCall> calls) {
    assertTrue(!calls.isEmpty(), "no calls");
    return calls.get(calls.size() - 1);
  }
}
