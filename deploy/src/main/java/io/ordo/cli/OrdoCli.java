package io.ordo.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code ordo} command line, behind the {@code ./ordo} launcher. Every command exits with a
 * code from {@link ExitCodes}; {@link #commandLine()} is what {@code main} and the tests run.
 */
@Command(name = "ordo", mixinStandardHelpOptions = true, version = "ordo 0.1.0",
    description = {"Ordo: a durable, distributed workflow engine.",
        "Run a node with `ordo server`; the other commands talk to one over HTTP (--server)."},
    subcommands = {ServerCommand.class, WorkflowsCommand.class, RunCommand.class,
        ExecutionsCommand.class, CommandLine.HelpCommand.class},
    footerHeading = "%nSee also:%n",
    footer = "  docs/cli.md (every command, with examples), `ordo <command> --help`.",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_HELP, ExitCodes.EXECUTION_FAILED_HELP, ExitCodes.USAGE_HELP,
        ExitCodes.UNREACHABLE_HELP, ExitCodes.REJECTED_HELP, ExitCodes.STILL_RUNNING_HELP,
        ExitCodes.INTERNAL_HELP})
public final class OrdoCli implements Runnable {

  @CommandLine.Spec
  CommandSpec spec;

  @Mixin
  ServerOption server;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line as {@code ordo} runs it: usage errors exit 2, bugs exit 70. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new OrdoCli());
    // `--input @file.json` is ours to read: picocli would otherwise splice the file's words in.
    cli.setExpandAtFiles(false);
    cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
      commandLine.getErr().println("ordo: internal error: " + e);
      e.printStackTrace(commandLine.getErr());
      commandLine.getErr().flush();
      return ExitCodes.INTERNAL;
    });
    return cli;
  }

  /** {@code ordo} alone: a subcommand is missing. */
  @Override
  public void run() {
    usageError(spec);
  }

  /** A command group called without a subcommand: a usage error (its usage is printed). */
  static void usageError(CommandSpec spec) {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }
}
