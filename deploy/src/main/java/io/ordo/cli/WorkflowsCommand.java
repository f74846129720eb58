package io.ordo.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ordo workflows}: workflow definitions. */
@Command(name = "workflows",
    description = "Import and check workflow definitions (JSON files).",
    subcommands = {ImportCommand.class, ValidateCommand.class},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_HELP + " (help)",
        ExitCodes.USAGE_HELP + "; the subcommands' help lists theirs"})
final class WorkflowsCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Override
  public void run() {
    OrdoCli.usageError(spec);
  }
}
