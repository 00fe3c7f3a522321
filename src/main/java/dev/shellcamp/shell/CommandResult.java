package dev.shellcamp.shell;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What one command line did: its exit status, its captured output (ANSI stripped, newlines
 * normalised), bash's directory afterwards, and what else happened to it ({@link Flag}).
 * {@code unread} is what the learner typed while it ran and it did not read: it belongs to the
 * tutor's next prompt. {@code stoppedWaiting} names a command that waited for keys nobody could
 * type (verify, piped input) and was stopped; "" when none.
 */
public record CommandResult(
    String line, int exitCode, String output, String cwd, Set<Flag> flags, String unread, String stoppedWaiting) {

  /** What else happened to a line; most lines have none of these. */
  public enum Flag {
    /** bash wanted more (an open quote or block). */
    INCOMPLETE,
    /** the line ended the shell ({@code exit}, {@code exec} of a program that ended). */
    SHELL_EXITED,
    /** it ran past its limit and was interrupted. */
    TIMED_OUT,
    /** the shell had lost the tutor's hooks ({@code exec bash}, bindings removed); they were put back. */
    REATTACHED
  }

  public CommandResult {
    flags = Collections.unmodifiableSet(flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags));
  }

  /** A line that ran and ended by itself, nothing typed ahead. */
  public CommandResult(String line, int exitCode, String output, String cwd) {
    this(line, exitCode, output, cwd, Set.of(), "", "");
  }

  public boolean incomplete() {
    return flags.contains(Flag.INCOMPLETE);
  }

  public boolean shellExited() {
    return flags.contains(Flag.SHELL_EXITED);
  }

  public boolean timedOut() {
    return flags.contains(Flag.TIMED_OUT);
  }

  public boolean reattached() {
    return flags.contains(Flag.REATTACHED);
  }

  CommandResult withReattached() {
    EnumSet<Flag> more = EnumSet.of(Flag.REATTACHED);
    more.addAll(flags);
    return new CommandResult(line, exitCode, output, cwd, more, unread, stoppedWaiting);
  }
}
