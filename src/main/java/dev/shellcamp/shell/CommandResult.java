package dev.shellcamp.shell;

/**
 * What one command line did: its exit status, its captured output (ANSI stripped, newlines
 * normalised), bash's directory afterwards, and whether the line was incomplete or ended the shell.
 */
public record CommandResult(
    String line, int exitCode, String output, String cwd, boolean incomplete, boolean shellExited,
    boolean timedOut) {}
