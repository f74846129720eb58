package io.ordo.cli;

import picocli.CommandLine.Command;

/** {@code ordo workflows}: workflow definitions. */
@Command(name = "workflows",
    description = "Import and check workflow definitions (JSON files).",
    subcommands = {ImportCommand.class, ValidateCommand.class},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_HELP + " (help)",
        ExitCodes.USAGE_HELP + "; the subcommands' help lists theirs"})
final class WorkflowsCommand extends CommandGroup {}
