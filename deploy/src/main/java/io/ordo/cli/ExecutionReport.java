package io.ordo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Set;

/**
 * The outcome of an execution as {@code ordo run} ends with it: the status and how long it took,
 * the error if any, then the output as indented JSON.
 */
final class ExecutionReport {

  private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "CANCELLED", "TIMED_OUT");

  private ExecutionReport() {}

  static boolean ended(JsonNode execution) {
    return ENDED.contains(execution.path("status").asText());
  }

  /** Prints the outcome; answers 0 for COMPLETED, 1 for another end, 5 when still going. */
  static int outcome(PrintWriter out, PrintWriter err, JsonNode execution, Duration waited) {
    String status = execution.path("status").asText("UNKNOWN");
    if (!ended(execution)) {
      out.println(status);
      err.println("ordo run: the execution is still " + status + " after "
          + (waited == null ? "the stream ended" : waited) + "; follow it with: ordo executions "
          + "show " + execution.path("id").asText());
      return ExitCodes.STILL_RUNNING;
    }
    out.println(status + " in " + Formats.between(execution.get("startedAt"),
        execution.get("completedAt")));
    JsonNode error = execution.get("error");
    if (error != null && !error.isNull()) {
      out.println("error: " + describe(error));
    }
    JsonNode output = execution.get("output");
    if (output != null && !output.isNull()) {
      out.println(Formats.prettyJson(output));
    }
    return "COMPLETED".equals(status) ? ExitCodes.OK : ExitCodes.EXECUTION_FAILED;
  }

  /** {@code HTTP_5XX at step 'load': 503 Service Unavailable}. */
  static String describe(JsonNode error) {
    StringBuilder text = new StringBuilder(error.path("class").asText("ERROR"));
    if (error.hasNonNull("stepId")) {
      text.append(" at step '").append(error.get("stepId").asText()).append('\'');
    }
    if (error.hasNonNull("by")) {
      text.append(" by ").append(error.get("by").asText());
    }
    if (error.hasNonNull("message")) {
      text.append(": ").append(error.get("message").asText());
    }
    return text.toString();
  }
}
