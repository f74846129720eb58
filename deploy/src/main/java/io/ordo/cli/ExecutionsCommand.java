package io.ordo.cli;

import picocli.CommandLine.Command;

/** {@code ordo executions}: the history of executions, and one execution in detail. */
@Command(name = "executions",
    description = "List executions and show one in detail.",
    subcommands = {ListExecutionsCommand.class, ShowExecutionCommand.class},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_HELP + " (help)",
        ExitCodes.USAGE_HELP + "; the subcommands' help lists theirs"})
final class ExecutionsCommand extends CommandGroup {}
