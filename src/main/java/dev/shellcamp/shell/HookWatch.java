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
  private static final boolean ARM = System.getProperty("os.arch", "").contains("aarch64");
  private static final String READ_SYSCALL = ARM ? "63" : "0";
  /** readline 8 waits in pselect6 on its input alone (nfds 1) before each read */
  private static final String PSELECT_SYSCALL = ARM ? "72" : "270";

  private final long pid;
  private final String cmdline;
  private final String line;

  HookWatch(long pid, String line) {
    this.pid = pid;
    this.line = line;
    this.cmdline = read("cmdline");
  }

  /** True when the hooks are gone and bash waits for keys at a prompt of its own. */
  boolean lost() {
    if (!bashReadsInForeground()) {
      return false;
    }
    String now = read("cmdline");
    if (!now.equals(cmdline)) {
      return isBash();
    }
    return !READS_TERMINAL.matcher(line).find() && readlineModes();
  }

  private boolean bashReadsInForeground() {
    String stat = read("stat");
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      return false;
    }
    String[] f = stat.substring(close + 2).split(" ");
    // after "pid (comm) ": state, ppid, pgrp, session, tty_nr, tpgid
    if (f.length < 6 || !f[0].equals("S") || !f[5].equals(String.valueOf(pid))) {
      return false;
    }
    String[] sys = read("syscall").split(" ");
    return sys.length > 1 && (sys[0].equals(READ_SYSCALL) && sys[1].equals("0x0")
        || sys[0].equals(PSELECT_SYSCALL) && sys[1].equals("0x1"));
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
