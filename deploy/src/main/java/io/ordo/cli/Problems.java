package io.ordo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints the server's problem documents: the title and detail, then every violation. */
final class Problems {

  private Problems() {}

  /** One line: {@code 404 Not Found: no workflow 'x'}. */
  static String summary(int status, JsonNode problem) {
    if (problem == null || problem.isMissingNode() || problem.isNull()) {
      return "HTTP " + status;
    }
    if (!problem.isObject()) {
      return "HTTP " + status + ": " + problem.asText();
    }
    String title = problem.path("title").asText("HTTP " + status);
    String detail = problem.path("detail").asText("");
    return detail.isEmpty() || detail.equals(title) ? title : title + ": " + detail;
  }

  /**
   * The summary, then one line per violation: {@code <prefix><pointer>: <message>}, so that an
   * invalid file reads {@code orders.json: /steps/1/dependsOn/0: unknown step 'stok'}.
   */
  static void print(PrintWriter err, String prefix, ApiException e) {
    lines(prefix, e).forEach(err::println);
    err.flush();
  }

  static List<String> lines(String prefix, ApiException e) {
    List<String> lines = new ArrayList<>();
    lines.add(prefix + e.getMessage());
    JsonNode errors = e.problem() == null ? null : e.problem().path("errors");
    if (errors != null) {
      for (JsonNode error : errors) {
        String pointer = error.path("pointer").asText("");
        lines.add(prefix + (pointer.isEmpty() ? "(document)" : pointer) + ": "
            + error.path("message").asText());
      }
    }
    return lines;
  }
}
