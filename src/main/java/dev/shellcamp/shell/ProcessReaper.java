package dev.shellcamp.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds every process a lesson started: bash's descendants, its terminal session, and anything
 * whose environment carries the session's marker (survivors of `setsid`, `nohup`, `disown`).
 */
public final class ProcessReaper {
  private ProcessReaper() {}

  public static Set<Long> sessionProcesses(long bashPid, String key) {
    Set<Long> pids = new HashSet<>();
    long self = ProcessHandle.current().pid();
    if (bashPid > 0) {
      ProcessHandle.of(bashPid).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
    }
    byte[] marker = ("SHELLCAMP_SESSION=" + key).getBytes(StandardCharsets.US_ASCII);
    for (Path d : processes()) {
      long pid = Long.parseLong(d.getFileName().toString());
      if (pid != self && pid != bashPid && (bashPid > 0 && sessionOf(d) == bashPid || environContains(d, marker))) {
        pids.add(pid);
      }
    }
    pids.remove(self);
    return pids;
  }

  /** The /proc/PID folders; none without /proc (then descendants are all we can find). */
  private static List<Path> processes() {
    try (var dirs = Files.list(Path.of("/proc"))) {
      return dirs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /**
   * Ends what an earlier tutor of this workspace left running when it was killed (`kill -9`, a
   * closed terminal): processes whose environment names the workspace and a tutor that no longer
   * runs. A live tutor on the same lesson in another terminal keeps its processes. Returns how
   * many were ended.
   */
  static int killOrphans(Path workspace) {
    byte[] marker = ("SHELLCAMP_WORKSPACE=" + workspace).getBytes(StandardCharsets.UTF_8);
    int ended = 0;
    for (Path d : processes()) {
      if (!environContains(d, marker)) {
        continue;
      }
      long tutor = environValue(d, "SHELLCAMP_TUTOR=");
      if (tutor > 0 && ProcessHandle.of(tutor).map(ProcessHandle::isAlive).orElse(false)) {
        continue;
      }
      if (ProcessHandle.of(Long.parseLong(d.getFileName().toString())).map(ProcessHandle::destroyForcibly).orElse(false)) {
        ended++;
      }
    }
    return ended;
  }

  private static long environValue(Path proc, String key) {
    try {
      for (String entry : new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8).split("\0")) {
        if (entry.startsWith(key)) {
          return Long.parseLong(entry.substring(key.length()));
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone, or not a number
    }
    return -1;
  }

  static void killSession(long bashPid, String key) {
    for (int round = 0; round < 3; round++) {
      Set<Long> pids = sessionProcesses(bashPid, key);
      if (pids.isEmpty()) {
        return;
      }
      pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
      sleep(20);
    }
  }

  private static long sessionOf(Path proc) {
    try {
      String stat = Files.readString(proc.resolve("stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[3]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static boolean environContains(Path proc, byte[] marker) {
    try {
      byte[] env = Files.readAllBytes(proc.resolve("environ"));
      outer:
      for (int i = 0; i + marker.length <= env.length; i++) {
        if (i > 0 && env[i - 1] != 0) {
          continue;
        }
        for (int j = 0; j < marker.length; j++) {
          if (env[i + j] != marker[j]) {
            continue outer;
          }
        }
        int end = i + marker.length;
        if (end == env.length || env[end] == 0) {
          return true;
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone already, or not ours to read
    }
    return false;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
