package dev.shellcamp.cli;

import picocli.CommandLine.Command;

/** `shellcamp lab …`: the model-serving lab's tools, one subcommand each. */
@Command(name = "lab", mixinStandardHelpOptions = true,
    description = "The model-serving lab: a model server, a load tester, a probe suite that grades any server, and a batch runner.",
    subcommands = {LabServeCommand.class, LabLoadCommand.class, LabCheckCommand.class, LabBatchCommand.class})
final class LabCommand {
}
