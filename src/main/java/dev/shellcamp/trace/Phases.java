package dev.shellcamp.trace;

import java.io.PrintStream;

/**
 * {@code -Dshellcamp.trace=true}: one stderr line per start-up phase, in milliseconds since the
 * JVM started, with the thread, so a slow start can be attributed without a profiler. Off, a mark
 * costs one static boolean test.
 */
public final class Phases {
  private static final boolean ON = Boolean.getBoolean("shellcamp.trace");
  /** The process's start on the nanoTime clock. */
  private static final long ORIGIN = ON ? origin() : 0;

  private Phases() {}

  public static boolean on() {
    return ON;
  }

  public static void mark(String phase) {
    if (ON) {
      PrintStream err = System.err;
      err.printf("shellcamp.trace %7.1f ms  %-18s %s%n", (System.nanoTime() - ORIGIN) / 1e6,
          Thread.currentThread().getName(), phase);
    }
  }

  /**
   * From /proc: the process's start and the time since boot on the same clock, in 10 ms steps
   * (ProcessHandle's start instant goes through the wall clock's boot time, which is off by
   * hundreds of milliseconds in some containers). The launcher's bash is the same process.
   */
  private static long origin() {
    try {
      String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      double startedAt = Long.parseLong(f[19]) / 100.0;  // field 22, starttime, in clock ticks
      double uptime = Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime")).split(" ")[0]);
      return System.nanoTime() - (long) ((uptime - startedAt) * 1e9);
    } catch (java.io.IOException | RuntimeException e) {
      return System.nanoTime();
    }
  }
}
