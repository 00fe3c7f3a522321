package dev.shellcamp.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Tells, from /proc, when the learner's bash sits at a prompt the tutor cannot see: `exec bash`
 * replaced it with a shell that has none of our hooks, or its bindings are gone. Both look the same
 * from outside: bash itself in the terminal's foreground, blocked reading its input. A builtin
 * `read` looks alike, so for the shell we started it also takes readline's terminal modes (no
 * canonical input) and a line that names no builtin which reads the terminal.
 */
final class HookWatch {
  private static final Pattern READS_TERMINAL =
      Pattern.compile("(^|[^\\w-])(read|select|mapfile|readarray)(\\s|$)");
  private final long pid;
  private final String cmdline;

  /** For the bash just started as {@code pid}; its command line changes only when it execs. */
  HookWatch(long pid) {
    this.pid = pid;
    this.cmdline = read("cmdline");
  }

  /** True when the hooks are gone and bash waits for keys at a prompt of its own, {@code line} running. */
  boolean lost(String line) {
    if (!bashReadsInForeground()) {
      return false;
    }
    String now = read("cmdline");
    if (!now.equals(cmdline)) {
      return isBash();
    }
    return !READS_TERMINAL.matcher(line).find() && readlineModes();
  }

  /** bash in the foreground, asleep in a read of fd 0 or in readline's pselect6 on fd 0 alone. */
  private boolean bashReadsInForeground() {
    long[] stat = TerminalWait.stat(pid);
    long[] sys = TerminalWait.syscall(pid);
    TerminalWait.Calls calls = TerminalWait.CALLS;
    if (stat == null || sys == null || calls == null || stat[TerminalWait.STATE] != 'S'
        || stat[TerminalWait.TPGID] != pid) {
      return false;
    }
    return TerminalWait.readsStdin(sys) || sys[0] == calls.pselect6() && sys[1] == 1;
  }

  private boolean isBash() {
    try {
      return Files.readSymbolicLink(proc("exe")).getFileName().toString().startsWith("bash");
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** Readline turns canonical input and echo off; `read x` leaves them on. */
  private boolean readlineModes() {
    try {
      Path tty = Files.readSymbolicLink(proc("fd/0"));
      Process p = new ProcessBuilder("stty", "-F", tty.toString(), "-g").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
      if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return false;
      }
      String[] f = out.split(":");
      long lflag = Long.parseLong(f[3], 16);
      return (lflag & 0x2) == 0 && (lflag & 0x8) == 0; // ICANON, ECHO
    } catch (IOException | RuntimeException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Path proc(String name) {
    return Path.of("/proc", String.valueOf(pid), name);
  }

  private String read(String name) {
    try {
      return new String(Files.readAllBytes(proc(name)), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "";
    }
  }
}
