package dev.shellcamp.cli;

import picocli.CommandLine.Command;

/** `shellcamp class …`: running a classroom lab. */
@Command(name = "class", mixinStandardHelpOptions = true,
    description = "Classroom labs: a class server with a live board for the instructor (docs/class.md).",
    subcommands = {ClassServeCommand.class, ClassResetCommand.class})
final class ClassCommand {
}
