package dev.shellcamp.cli;

import picocli.CommandLine.Command;

/** `shellcamp lab …`: the model-serving lab's tools, one subcommand each. */
@Command(name = "lab", mixinStandardHelpOptions = true,
    description = "The model-serving lab: a built-in model server and a load tester.",
    subcommands = {LabServeCommand.class, LabLoadCommand.class})
final class LabCommand {
}
