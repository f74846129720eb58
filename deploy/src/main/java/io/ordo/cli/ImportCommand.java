package io.ordo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code ordo workflows import}: creates each file's workflow. An id that exists already is an
 * error unless {@code --skip-existing} (leave it) or {@code --update} (add a version, unless the
 * latest version is the same document).
 */
@Command(name = "import",
    description = {"Create workflows from JSON definition files (POST /api/v1/workflows).",
        "Prints one line per file, every violation of a rejected file with its JSON pointer, "
            + "and a summary line. A progress bar shows on stderr when it is a terminal.",
        "Every file is read before anything is sent: an unreadable one imports nothing."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:every file was imported (or skipped, or unchanged)",
        ExitCodes.USAGE_HELP, ExitCodes.UNREACHABLE_HELP,
        "4:the server refused at least one file (invalid, or its workflow exists already "
            + "without --skip-existing/--update); the others were imported"})
final class ImportCommand extends ApiCommand {

  enum Outcome { CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED }

  @Parameters(arity = "1..*", paramLabel = "<file>", description = "Workflow definition files.")
  List<Path> files;

  @Option(names = "--skip-existing", description = "Leave workflows whose id exists already.")
  boolean skipExisting;

  @Option(names = "--update",
      description = "Store a new version of workflows whose id exists already (none when the "
          + "latest version is the same document).")
  boolean update;

  @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
  boolean quiet;

  @Override
  protected int run(OrdoClient client) {
    if (skipExisting && update) {
      throw new ParameterException(spec.commandLine(),
          "--skip-existing and --update are mutually exclusive");
    }
    List<WorkflowFile> read = WorkflowFile.readAll(spec.commandLine(), files);
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    try (var progress = new ImportProgress("Importing", read.size(), quiet)) {
      for (WorkflowFile file : read) {
        counts.merge(importOne(client, file, progress), 1, Integer::sum);
        progress.step(file.path().getFileName().toString());
      }
    }
    StringJoiner summary = new StringJoiner(", ", files.size()
        + (files.size() == 1 ? " file: " : " files: "), "");
    for (Outcome outcome : Outcome.values()) {
      summary.add(counts.getOrDefault(outcome, 0) + " " + outcome.name().toLowerCase(Locale.ROOT));
    }
    out().println(summary);
    return counts.containsKey(Outcome.FAILED) ? ExitCodes.REJECTED : ExitCodes.OK;
  }

  private Outcome importOne(OrdoClient client, WorkflowFile file, ImportProgress progress) {
    OrdoClient.Response created = client.createWorkflow(file.text());
    if (created.ok()) {
      return done(progress, Outcome.CREATED, created.body(), file);
    }
    if (created.status() != 409 || file.id() == null) {
      return failed(progress, file, new ApiException(created.status(), created.body()));
    }
    if (skipExisting) {
      progress.print(out(), line(Outcome.SKIPPED, file.id(), "exists", file));
      return Outcome.SKIPPED;
    }
    if (!update) {
      progress.print(err(), file.name() + ": workflow '" + file.id() + "' exists already "
          + "(--skip-existing leaves it, --update adds a version)");
      return Outcome.FAILED;
    }
    try {
      JsonNode latest = client.workflow(file.id());
      if (latest.path("definition").equals(file.json())) {
        return done(progress, Outcome.UNCHANGED, latest, file);
      }
    } catch (ApiException | IOException e) {
      // Archived or unreadable as stored: a new version settles it.
    }
    OrdoClient.Response updated = client.updateWorkflow(file.id(), file.text());
    return updated.ok() ? done(progress, Outcome.UPDATED, updated.body(), file)
        : failed(progress, file, new ApiException(updated.status(), updated.body()));
  }

  private Outcome done(ImportProgress progress, Outcome outcome, JsonNode view,
      WorkflowFile file) {
    progress.print(out(), line(outcome, view.path("id").asText(file.id()),
        "v" + view.path("version").asText("?"), file));
    return outcome;
  }

  private Outcome failed(ImportProgress progress, WorkflowFile file, ApiException e) {
    Problems.lines(file.name() + ": ", e).forEach(line -> progress.print(err(), line));
    return Outcome.FAILED;
  }

  private static String line(Outcome outcome, String id, String what, WorkflowFile file) {
    return String.format(Locale.ROOT, "%-9s %-24s %-6s %s",
        outcome.name().toLowerCase(Locale.ROOT), id, what, file.name());
  }
}
