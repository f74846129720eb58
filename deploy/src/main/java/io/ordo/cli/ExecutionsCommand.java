package io.ordo.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ordo executions}: the history of executions, and one execution in detail. */
@Command(name = "executions",
    description = "List executions and show one in detail.",
    subcommands = {ListExecutionsCommand.class, ShowExecutionCommand.class},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_HELP + " (help)",
        ExitCodes.USAGE_HELP + "; the subcommands' help lists theirs"})
final class ExecutionsCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Override
  public void run() {
    OrdoCli.usageError(spec);
  }
}
