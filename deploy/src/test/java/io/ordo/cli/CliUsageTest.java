package io.ordo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help, usage errors and an unreachable server: the exit codes scripts rely on, no node needed. */
class CliUsageTest {

  private static String closed;

  @BeforeAll
  static void aPortNobodyListensOn() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = "http://127.0.0.1:" + socket.getLocalPort();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "server", "workflows", "workflows import", "workflows validate",
      "run", "executions", "executions list", "executions show"})
  void everyCommandHasHelpThatListsItsExitCodes(String command) {
    for (String flag : new String[] {"--help", "-h"}) {
      Cli.Run run = Cli.runRaw((command + " " + flag).strip().split(" "));
      assertEquals(0, run.exitCode(), run::toString);
      assertTrue(run.out().startsWith("Usage: ordo" + (command.isEmpty() ? "" : " " + command)),
          run::toString);
      assertTrue(run.out().contains("Exit codes:"), run::toString);
      assertTrue(run.err().isEmpty(), run::toString);
    }
  }

  @Test
  void helpCommandShowsASubcommandsHelp() {
    Cli.Run run = Cli.runRaw("help", "run");
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().startsWith("Usage: ordo run"), run::toString);
  }

  @Test
  void rootHelpDocumentsTheServerOptionAndTheWholeExitCodeTable() {
    Cli.Run run = Cli.runRaw("--help");
    assertTrue(run.out().contains("--server=<url>"), run::toString);
    assertTrue(run.out().contains("ORDO_URL"), run::toString);
    assertTrue(run.out().contains("http://localhost:8080"), run::toString);
    for (String code : new String[] {"0", "1", "2", "3", "4", "5", "70"}) {
      assertTrue(run.out().lines().anyMatch(line -> line.startsWith("  " + code + " ")),
          () -> "exit code " + code + " in " + run);
    }
  }

  @Test
  void apiCommandsOfferServerButTheServerCommandDoesNot() {
    assertTrue(Cli.runRaw("executions", "list", "--help").out().contains("--server=<url>"));
    assertTrue(Cli.runRaw("run", "--help").out().contains("--version=<n>"));
    assertFalse(Cli.runRaw("server", "--help").out().contains("--server"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "workflows", "executions", "run", "workflows import",
      "executions show", "nonsense", "executions list --bogus", "run x --wait soon",
      "run x --version two", "executions list --limit 0",
      "workflows import --skip-existing --update ../examples/workflows/basic_sequence.json",
      "workflows import ../examples/workflows/basic_sequence.json no-such-file.json",
      "workflows validate ../examples/workflows"})
  void usageErrorsExitWithTwoAndSendNothing(String command) {
    Cli.Run run = Cli.run(closed, command.isEmpty() ? new String[0] : command.split(" "));
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.out().isEmpty(), run::toString);
    assertFalse(run.err().contains("cannot reach"), run::toString);
    assertTrue(run.err().contains("Usage: ordo") || run.err().contains("Cannot read")
        || run.err().contains("exclusive") || run.err().contains("Unmatched argument"),
        run::toString);
  }

  @Test
  void anUnreadableWorkflowFileIsNamed() {
    Cli.Run run = Cli.run(closed, "workflows", "import", "no-such-file.json");
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("Cannot read no-such-file.json (no such file)"),
        run::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost:8080", "ftp://example.com", "http://", "http://x/?q=1"})
  void aMalformedServerUrlIsAUsageError(String url) {
    Cli.Run run = Cli.runRaw("--server", url, "executions", "show", "x");
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("--server"), run::toString);
  }

  @Test
  void theServerOptionAfterTheSubcommandWinsOverTheOneBefore() {
    Cli.Run run = Cli.runRaw("--server", "not a url", "executions", "show", "x", "--server",
        closed);
    assertEquals(3, run.exitCode(), run::toString);
    assertTrue(run.err().contains(closed), run::toString);
  }

  @Test
  void malformedInputIsAUsageError(@TempDir Path dir) throws IOException {
    assertEquals(2, Cli.run(closed, "run", "wf", "--input", "{not json").exitCode());
    assertEquals(2, Cli.run(closed, "run", "wf", "--input", "@" + dir.resolve("absent.json"))
        .exitCode());
    Path empty = Files.writeString(dir.resolve("empty.json"), "");
    Cli.Run run = Cli.run(closed, "run", "wf", "--input", "@" + empty);
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("--input"), run::toString);
  }

  @Test
  void inputFromAFileIsReadByRunNotSplicedIntoTheArguments(@TempDir Path dir)
      throws IOException {
    Path input = Files.writeString(dir.resolve("input.json"), "{\"sku\": \"A 1\"}");
    Cli.Run run = Cli.run(closed, "run", "wf", "--input", "@" + input);
    assertEquals(3, run.exitCode(), () -> "read, then the server was tried: " + run);
  }

  @ParameterizedTest
  @ValueSource(strings = {"executions list", "executions show some-id", "run basic-sequence",
      "run basic-sequence --watch", "run basic-sequence --wait PT5S",
      "workflows validate ../examples/workflows/basic_sequence.json",
      "workflows import ../examples/workflows/basic_sequence.json"})
  void anUnreachableServerExitsWithThree(String command) {
    Cli.Run run = Cli.run(closed, command.split(" "));
    assertEquals(3, run.exitCode(), run::toString);
    assertTrue(run.err().contains("cannot reach the Ordo server at " + closed), run::toString);
    assertTrue(run.out().isEmpty(), run::toString);
  }
}
