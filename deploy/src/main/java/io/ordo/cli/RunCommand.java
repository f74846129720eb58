package io.ordo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code ordo run}: starts an execution and prints its id; with {@code --wait} or
 * {@code --watch} it stays until the execution ends, prints the final status and output, and
 * exits 0 only when it COMPLETED (1 when it ended otherwise, 5 when the wait ran out).
 */
@Command(name = "run",
    description = {"Start an execution of a workflow (POST /api/v1/workflows/{id}/execute) and "
        + "print its id.",
        "--watch follows it live (one line per event, from GET /api/v1/executions/{id}/events) "
            + "and ends with its status and output; --wait only waits for the end."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:started; with --watch/--wait: the execution COMPLETED",
        ExitCodes.EXECUTION_FAILED_HELP + " (--watch/--wait)", ExitCodes.USAGE_HELP,
        ExitCodes.UNREACHABLE_HELP,
        "4:the server refused the start (no such workflow or version, input not matching the "
            + "inputSchema, archived workflow)",
        ExitCodes.STILL_RUNNING_HELP})
final class RunCommand extends ApiCommand {

  /** The longest wait asked of the server in one request (its own limit is 60 s). */
  private static final Duration SERVER_WAIT = Duration.ofSeconds(30);

  @Parameters(index = "0", paramLabel = "<workflow>", description = "The workflow's id.")
  String workflow;

  @Option(names = "--input", paramLabel = "@file.json|<json>",
      description = "The execution input: a JSON document, @file to read one, @- for stdin "
          + "(default {}).")
  String input;

  @Option(names = "--version", paramLabel = "<n>",
      description = "The definition version to run (default: the latest).")
  Integer version;

  @Option(names = "--idempotency-key", paramLabel = "<key>",
      description = "The same key for the same workflow always reaches the same execution.")
  String idempotencyKey;

  @Option(names = "--triggered-by", paramLabel = "<who>",
      description = "Recorded as who or what started it (default: the caller).")
  String triggeredBy;

  @Option(names = "--watch",
      description = "Follow the execution live: one line per event, then the outcome.")
  boolean watch;

  @Option(names = "--wait", paramLabel = "<duration>", converter = DurationConverter.class,
      description = "Wait up to this long (ISO-8601, e.g. PT30S) for the execution to end; "
          + "with --watch, how long to watch (default: until it ends).")
  Duration wait;

  @Override
  protected int run(OrdoClient client) throws Exception {
    ObjectNode body = OrdoClient.JSON.createObjectNode();
    body.set("input", input());
    if (version != null) {
      body.put("version", version);
    }
    if (idempotencyKey != null) {
      body.put("idempotencyKey", idempotencyKey);
    }
    if (triggeredBy != null) {
      body.put("triggeredBy", triggeredBy);
    }
    Instant deadline = wait == null ? null : Instant.now().plus(wait);
    Duration serverWait = wait == null || watch ? null
        : wait.compareTo(SERVER_WAIT) > 0 ? SERVER_WAIT : wait;
    JsonNode started = client.execute(workflow, body, serverWait).orThrow();
    String id = started.path("executionId").asText(started.path("id").asText());
    out().println(id);
    out().flush();
    if (!watch && wait == null) {
      return ExitCodes.OK;
    }
    JsonNode execution;
    if (watch) {
      new EventStream(client, Duration.ofSeconds(60), Duration.ofSeconds(30))
          .follow(id, deadline, event -> {
            out().println(EventLines.line(event));
            out().flush();
          });
      execution = client.execution(id);
    } else {
      execution = started.has("steps") ? started : poll(client, id, deadline);
    }
    return ExecutionReport.outcome(out(), err(), execution, wait);
  }

  private static JsonNode poll(OrdoClient client, String id, Instant deadline)
      throws InterruptedException {
    JsonNode execution = client.execution(id);
    while (!ExecutionReport.ended(execution) && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      execution = client.execution(id);
    }
    return execution;
  }

  private JsonNode input() {
    if (input == null) {
      return OrdoClient.JSON.createObjectNode();
    }
    String text = input;
    String source = "--input";
    try {
      if (input.startsWith("@")) {
        source = input.substring(1);
        text = source.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
            : Files.readString(Path.of(source));
      }
      JsonNode json = OrdoClient.JSON.readTree(text);
      if (json == null || json.isMissingNode()) {
        throw new IOException("it is empty");
      }
      return json;
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--input': "
          + source + " is not a readable JSON document (" + e.getMessage().lines().findFirst()
              .orElse("") + ")");
    }
  }

  /** ISO-8601 durations: {@code PT30S}, {@code PT2M}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        Duration duration = Duration.parse(value);
        if (duration.isNegative() || duration.isZero()) {
          throw new IllegalArgumentException("'" + value + "' is not a positive duration");
        }
        return duration;
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + value + "' is not an ISO-8601 duration, "
            + "e.g. PT30S");
      }
    }
  }
}
