package io.ordo.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ordo} command line, behind the {@code ./ordo} launcher. */
@Command(name = "ordo", mixinStandardHelpOptions = true, version = "ordo 0.1.0",
    description = "Ordo: a durable, distributed workflow engine.",
    subcommands = {ServerCommand.class, CommandLine.HelpCommand.class})
public final class OrdoCli implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new OrdoCli()).execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
