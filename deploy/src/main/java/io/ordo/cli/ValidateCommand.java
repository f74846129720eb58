package io.ordo.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ordo workflows validate}: the server's dry run, for each file; nothing is stored. */
@Command(name = "validate",
    description = {"Check workflow definition files (POST /api/v1/workflows/validate); "
        + "nothing is stored.",
        "Prints one line per file and every violation with its JSON pointer."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:every file is a valid definition", ExitCodes.USAGE_HELP,
        ExitCodes.UNREACHABLE_HELP,
        "4:the server found at least one file invalid (every violation is printed)"})
final class ValidateCommand extends ApiCommand {

  @Parameters(arity = "1..*", paramLabel = "<file>", description = "Workflow definition files.")
  List<Path> files;

  @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
  boolean quiet;

  @Override
  protected int run(OrdoClient client) {
    List<WorkflowFile> read = WorkflowFile.readAll(spec.commandLine(), files);
    int invalid = 0;
    try (var progress = new ImportProgress("Validating", read.size(), quiet)) {
      for (WorkflowFile file : read) {
        if (!validate(client, file, progress)) {
          invalid++;
        }
        progress.step(file.path().getFileName().toString());
      }
    }
    out().printf(Locale.ROOT, "%d %s: %d valid, %d invalid%n", files.size(),
        files.size() == 1 ? "file" : "files", files.size() - invalid, invalid);
    return invalid == 0 ? ExitCodes.OK : ExitCodes.REJECTED;
  }

  private boolean validate(OrdoClient client, WorkflowFile file, ImportProgress progress) {
    OrdoClient.Response answer = client.validateWorkflow(file.text());
    if (!answer.ok()) {
      Problems.lines(file.name() + ": ", new ApiException(answer.status(), answer.body()))
          .forEach(line -> progress.print(err(), line));
      return false;
    }
    progress.print(out(), String.format(Locale.ROOT, "%-9s %-24s %-9s %s", "valid",
        answer.body().path("workflowId").asText(), answer.body().path("steps").asInt()
            + " steps", file.name()));
    return true;
  }
}
