package io.ordo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import picocli.CommandLine;

/** A definition file as read from disk: its text, sent as is, and its id when it parses. */
record WorkflowFile(Path path, String text, String id) {

  static WorkflowFile read(Path path) throws IOException {
    String text = Files.readString(path);
    String id = null;
    try {
      JsonNode json = OrdoClient.JSON.readTree(text);
      id = json != null && json.path("id").isTextual() ? json.get("id").asText() : null;
    } catch (IOException notJson) {
      // Sent anyway: the server reports where the JSON breaks.
    }
    return new WorkflowFile(path, text, id);
  }

  /**
   * Every file, or a usage error naming each one that cannot be read, so that a typo in one
   * path sends nothing rather than half the batch.
   */
  static List<WorkflowFile> readAll(CommandLine caller, List<Path> paths) {
    List<WorkflowFile> files = new ArrayList<>();
    StringJoiner unreadable = new StringJoiner("; ");
    for (Path path : paths) {
      try {
        files.add(read(path));
      } catch (IOException e) {
        unreadable.add(path + " (" + (Files.exists(path) ? e.getClass().getSimpleName() + ": "
            + e.getMessage() : "no such file") + ")");
      }
    }
    if (unreadable.length() > 0) {
      throw new CommandLine.ParameterException(caller, "Cannot read " + unreadable);
    }
    return files;
  }

  String name() {
    return path.toString();
  }

  /** The file's document, parsed (it parsed when {@link #id} is set). */
  JsonNode json() throws IOException {
    return OrdoClient.JSON.readTree(text);
  }
}
