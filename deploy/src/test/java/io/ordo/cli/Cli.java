package io.ordo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Runs the command line in-process, as {@code ordo --server <url> args...}, capturing output. */
final class Cli {

  /** Where the example workflows live, seen from the deploy module. */
  static final Path EXAMPLES = Path.of("..", "examples", "workflows").normalize();

  /** What a run printed and how it exited. */
  record Run(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }

    /** The stdout lines. */
    List<String> lines() {
      return out.lines().toList();
    }

    /** The execution id: the first line {@code ordo run} prints. */
    String id() {
      return lines().get(0);
    }

    /** The output JSON {@code ordo run --watch/--wait} prints after the final status line. */
    JsonNode output() {
      List<String> lines = lines();
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).matches("(COMPLETED|FAILED|CANCELLED|TIMED_OUT) in .*")) {
          try {
            return OrdoClient.JSON.readTree(String.join("\n", lines.subList(i + 1,
                lines.size())));
          } catch (IOException e) {
            throw new AssertionError("no output JSON in " + this, e);
          }
        }
      }
      throw new AssertionError("no final status in " + this);
    }
  }

  private Cli() {}

  static Run run(String server, String... args) {
    List<String> all = new ArrayList<>(List.of("--server", server));
    all.addAll(List.of(args));
    return runRaw(all.toArray(String[]::new));
  }

  /** Without an added {@code --server}. */
  static Run runRaw(String... args) {
    return runRaw(new StringWriter(), args);
  }

  /**
   * Runs in the background, for commands that wait (such as {@code run --watch}); what it has
   * printed so far is readable while it runs.
   */
  static Started start(String server, String... args) {
    List<String> all = new ArrayList<>(List.of("--server", server));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    return new Started(out, CompletableFuture.supplyAsync(
        () -> runRaw(out, all.toArray(String[]::new))));
  }

  /** A command running in the background. */
  record Started(StringWriter out, CompletableFuture<Run> run) {
    /** Its stdout so far (StringWriter is synchronized). */
    String outSoFar() {
      return out.toString();
    }

    Run await() throws Exception {
      return run.get(30, TimeUnit.SECONDS);
    }
  }

  private static Run runRaw(StringWriter out, String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = OrdoCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /**
   * Each pattern matches the start of a later stdout line than the one before; event lines are
   * matched after their time column.
   */
  static void assertInOrder(Run run, String... patterns) {
    List<String> lines = run.lines();
    int at = 0;
    for (String pattern : patterns) {
      Pattern line = Pattern.compile("(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  )?" + pattern);
      int found = -1;
      for (int i = at; i < lines.size() && found < 0; i++) {
        if (line.matcher(lines.get(i)).lookingAt()) {
          found = i;
        }
      }
      if (found < 0) {
        throw new AssertionError("no line matching '" + pattern + "' after line " + at
            + " in\n" + run);
      }
      at = found + 1;
    }
  }

  static String example(String name) {
    return EXAMPLES.resolve(name).toString();
  }
}
