package dev.shellcamp.shell;

/**
 * What one command line did: its exit status, its captured output (ANSI stripped, newlines
 * normalised), bash's directory afterwards, and whether the line was incomplete or ended the shell.
 * {@code unread} is what the learner typed while it ran and it did not read: it belongs to the
 * tutor's next prompt. {@code reattached} says the shell had lost the tutor's hooks (`exec bash`,
 * bindings removed) and they were put back. {@code stoppedWaiting} names a command that waited for
 * keys nobody could type (verify, piped input) and was stopped; "" when none.
 */
public record CommandResult(
    String line, int exitCode, String output, String cwd, boolean incomplete, boolean shellExited,
    boolean timedOut, String unread, boolean reattached, String stoppedWaiting) {

  public CommandResult(String line, int exitCode, String output, String cwd, boolean incomplete,
      boolean shellExited, boolean timedOut) {
    this(line, exitCode, output, cwd, incomplete, shellExited, timedOut, "", false, "");
  }

  CommandResult withReattached() {
    return new CommandResult(line, exitCode, output, cwd, incomplete, shellExited, timedOut, unread, true,
        stoppedWaiting);
  }
}
