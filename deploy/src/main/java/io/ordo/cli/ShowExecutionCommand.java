package io.ordo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ordo executions show}: one execution, its steps, error and output. */
@Command(name = "show",
    description = "Show one execution: status, steps, error and output "
        + "(GET /api/v1/executions/{id}).",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:shown (whatever the execution's status)", ExitCodes.USAGE_HELP,
        ExitCodes.UNREACHABLE_HELP, "4:no such execution (or another refusal)"})
final class ShowExecutionCommand extends ApiCommand {

  @Parameters(index = "0", paramLabel = "<id>", description = "The execution's id.")
  String id;

  @Option(names = "--json", description = "Print the execution as the API answers it.")
  boolean json;

  @Override
  protected int run(OrdoClient client) {
    JsonNode execution = client.execution(id);
    if (json) {
      out().println(Formats.prettyJson(execution));
      return ExitCodes.OK;
    }
    PrintWriter out = out();
    out.println("Execution  " + execution.path("id").asText());
    out.println("Workflow   " + execution.path("workflowId").asText() + " v"
        + execution.path("version").asText());
    out.println("Status     " + execution.path("status").asText());
    out.println("Started    " + Formats.dateTime(execution.get("startedAt"))
        + (execution.hasNonNull("triggeredBy")
            ? " by " + execution.get("triggeredBy").asText() : ""));
    if (execution.hasNonNull("completedAt")) {
      out.println("Ended      " + Formats.dateTime(execution.get("completedAt")) + " (took "
          + Formats.between(execution.get("startedAt"), execution.get("completedAt")) + ")");
    }
    if (execution.hasNonNull("error")) {
      out.println("Error      " + ExecutionReport.describe(execution.get("error")));
    }
    out.println();
    Table steps = new Table("STEP", "TYPE", "STATUS", "ATTEMPTS", "DURATION", "NOTE");
    for (JsonNode step : execution.path("steps")) {
      String name = step.hasNonNull("parent") ? "  " + step.path("id").asText()
          : step.path("id").asText();
      steps.row(name, step.path("type").asText(), step.path("status").asText(),
          step.path("attempts").asText(), Formats.between(step.get("startedAt"),
              step.get("completedAt")), note(step));
    }
    steps.print(out);
    JsonNode output = execution.get("output");
    if (output != null && !output.isNull()) {
      out.println();
      out.println("Output");
      out.println(Formats.prettyJson(output));
    }
    return ExitCodes.OK;
  }

  private static String note(JsonNode step) {
    if (step.hasNonNull("error")) {
      return ExecutionReport.describe(step.get("error"));
    }
    if (step.hasNonNull("skipReason")) {
      return step.get("skipReason").asText();
    }
    if (step.hasNonNull("dueAt")) {
      return "due " + Formats.dateTime(step.get("dueAt"));
    }
    JsonNode items = step.get("items");
    return items == null || items.isNull() ? "" : "items " + items;
  }
}
