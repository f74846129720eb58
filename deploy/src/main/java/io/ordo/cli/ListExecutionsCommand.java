package io.ordo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code ordo executions list}: the execution history, newest first, with the filters of
 * {@code GET /api/v1/executions}. It follows the server's cursor until it has {@code --limit}
 * rows; when more remain it says how to ask for them ({@code --cursor}).
 */
@Command(name = "list",
    description = {"List executions, newest first (GET /api/v1/executions).",
        "The history is a projection of the journal: an execution shows up here a moment "
            + "after it starts (`ordo executions show` reads it at once)."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_HELP + " (also when nothing matches)", ExitCodes.USAGE_HELP,
        ExitCodes.UNREACHABLE_HELP,
        "4:the server refused the filters (e.g. an unknown status); the problem says which"})
final class ListExecutionsCommand extends ApiCommand {

  /** The largest page the server gives at once. */
  private static final int PAGE = 100;

  @Option(names = "--workflow", paramLabel = "<id>", description = "Only this workflow's.")
  String workflow;

  @Option(names = "--version", paramLabel = "<n>",
      description = "Only this version of --workflow.")
  Integer version;

  @Option(names = "--status", paramLabel = "<status>", split = ",",
      description = "Only these statuses: PENDING, RUNNING, PAUSED, COMPLETED, FAILED, "
          + "CANCELLED, TIMED_OUT (repeat or comma-separate).")
  List<String> statuses;

  @Option(names = "--from", paramLabel = "<instant>",
      description = "Started at or after this ISO-8601 time (2026-11-23T00:00:00Z).")
  String from;

  @Option(names = "--to", paramLabel = "<instant>", description = "Started before this time.")
  String to;

  @Option(names = "--triggered-by", paramLabel = "<who>",
      description = "Only those started by this caller or trigger.")
  String triggeredBy;

  @Option(names = "--limit", paramLabel = "<n>", defaultValue = "20",
      description = "At most this many rows (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--cursor", paramLabel = "<cursor>",
      description = "Continue after a previous listing (the cursor it printed).")
  String cursor;

  @Option(names = "--json",
      description = "Print {\"items\": [...], \"nextCursor\": ...} as the API answers it.")
  boolean json;

  @Override
  protected int run(OrdoClient client) {
    if (limit < 1) {
      throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
    }
    ArrayNode items = OrdoClient.JSON.createArrayNode();
    String next = cursor;
    do {
      JsonNode page = client.executions(query(Math.min(PAGE, limit - items.size()), next));
      page.path("items").forEach(items::add);
      next = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
    } while (next != null && items.size() < limit);
    if (json) {
      ObjectNode page = OrdoClient.JSON.createObjectNode();
      page.set("items", items);
      page.put("nextCursor", next);
      out().println(Formats.prettyJson(page));
      return ExitCodes.OK;
    }
    Table table = new Table("ID", "WORKFLOW", "VERSION", "STATUS", "STARTED", "DURATION");
    for (JsonNode item : items) {
      table.row(item.path("id").asText(), item.path("workflowId").asText(),
          item.path("version").asText(), item.path("status").asText(),
          Formats.dateTime(item.get("startedAt")), item.hasNonNull("durationMs")
              ? Formats.duration(item.get("durationMs").asLong()) : "-");
    }
    table.print(out());
    if (items.isEmpty()) {
      err().println("No executions" + (filtered() ? " match" : " yet"));
    }
    if (next != null) {
      err().println("More: add --cursor " + next);
    }
    return ExitCodes.OK;
  }

  private Map<String, String> query(int pageSize, String after) {
    Map<String, String> query = new LinkedHashMap<>();
    putIf(query, "workflowId", workflow);
    putIf(query, "version", version == null ? null : version.toString());
    if (statuses != null && !statuses.isEmpty()) {
      query.put("status", String.join(",", statuses).toUpperCase(Locale.ROOT));
    }
    putIf(query, "from", from);
    putIf(query, "to", to);
    putIf(query, "triggeredBy", triggeredBy);
    query.put("limit", String.valueOf(pageSize));
    putIf(query, "cursor", after);
    return query;
  }

  private boolean filtered() {
    return workflow != null || statuses != null || from != null || to != null
        || triggeredBy != null || cursor != null;
  }

  private static void putIf(Map<String, String> query, String name, String value) {
    if (value != null) {
      query.put(name, value);
    }
  }
}
