package dev.shellcamp.monitor;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The process list from /proc, with current CPU from two readings. This is the monitor's hot
 * path, read every refresh: OSHI's process list re-reads status, io and cmdline of every
 * process and costs 10-20x what htop does (FINDINGS), so here each process costs one read of
 * its stat file; the command line and owner are read once per process and kept.
 */
final class ProcessTable {
  private final ProcFs proc;
  private final long pageSize;
  private final Users users;
  /** In /proc's order (by pid), which the entries keep while they are updated in place. */
  private Map<Long, Seen> seen = new LinkedHashMap<>();
  /** /proc/loadavg's last pid when /proc was last listed; -1 after a listing without one. */
  private long listedAt = -1;

  /**
   * What we remember of a process between readings: its stat file's path, startTime (which
   * tells a reused pid apart), and clock, the core clock at the reading its ticks came from.
   */
  private record Seen(String path, long startTime, String comm, long ticks, double clock, String command, String user,
      Snapshot.Proc shown) {}

  ProcessTable(ProcFs proc, long pageSize, Users users) {
    this.proc = proc;
    this.pageSize = pageSize;
    this.users = users;
  }

  /**
   * Reads every process for the screen. {@code coreClock} is how long one core's clock has run
   * (USER_HZ ticks from /proc/stat over the number of cores), so a process's CPU is the ticks it
   * used over the ticks one core had since that process was last read.
   *
   * <p>A kernel thread seen before keeps its first row and is not read again, as htop does while
   * it hides them: the screen never shows kernel threads, and on a quiet machine they are most of
   * /proc (58 of 65 entries here, each read ≈ 12 µs of the kernel's do_task_stat).
   *
   * <p>{@code lastPid} is /proc/loadavg's last pid, read just before (or -1). While it has not
   * moved since /proc was last listed, no process (nor thread) has started, so /proc is not
   * listed again (≈ 0.1 ms at one refresh a second): the processes known are read through their
   * kept stat files, and one that ended fails to read and is dropped.
   */
  List<Snapshot.Proc> read(double coreClock, long lastPid) {
    if (lastPid >= 0 && lastPid == listedAt && !seen.isEmpty()) {
      return again(coreClock);
    }
    listedAt = lastPid;
    return list(coreClock, false);
  }

  /** Every process now, kernel threads included (a one-off snapshot). */
  List<Snapshot.Proc> readAll(double coreClock) {
    listedAt = -1;
    return list(coreClock, true);
  }

  private List<Snapshot.Proc> again(double coreClock) {
    List<Snapshot.Proc> out = new ArrayList<>(seen.size());
    for (Iterator<Map.Entry<Long, Seen>> it = seen.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Long, Seen> e = it.next();
      Seen before = e.getValue();
      if (!ProcessOrder.kernelThread(before.shown)) {
        before = read(e.getKey(), before.path, before, coreClock);
        if (before == null) {
          it.remove();
          continue;
        }
        e.setValue(before);
      }
      out.add(before.shown);
    }
    return out;
  }

  private List<Snapshot.Proc> list(double coreClock, boolean kernelToo) {
    String[] names = new File(proc.root.toString()).list();
    List<Snapshot.Proc> out = new ArrayList<>(names == null ? 0 : names.length);
    Map<Long, Seen> now = new LinkedHashMap<>(seen.size() + 16);
    if (names == null) {
      return out;
    }
    for (String n : names) {
      if (n.isEmpty() || n.charAt(0) < '0' || n.charAt(0) > '9') {
        continue;
      }
      long pid;
      try {
        pid = Long.parseLong(n);
      } catch (NumberFormatException e) {
        continue;
      }
      Seen before = seen.remove(pid);
      Seen next = !kernelToo && before != null && ProcessOrder.kernelThread(before.shown) ? before
          : read(pid, before == null ? n + "/stat" : before.path, before, coreClock);
      if (next != null) { // null: ended between the listing and the read
        now.put(pid, next);
        out.add(next.shown);
      }
    }
    for (Seen gone : seen.values()) {
      proc.forget(gone.path);
    }
    seen = now;
    return out;
  }

  /** One process's stat read now; null when it ended (its kept file is closed then). */
  private Seen read(long pid, String path, Seen before, double coreClock) {
    ProcFs.Stat st = proc.reloadRecord(path) ? proc.stat() : null;
    if (st == null) {
      proc.forget(path);
      return null;
    }
    boolean same = before != null && before.startTime == st.startTime() && before.comm.equals(st.comm());
    double cpu = 0;
    if (before != null && before.startTime == st.startTime() && coreClock > before.clock) {
      cpu = Math.max(0, 100.0 * (st.ticks() - before.ticks) / (coreClock - before.clock));
    }
    String command = same ? before.command : command(Long.toString(pid), st.comm());
    String user = same ? before.user : user(Long.toString(pid));
    Snapshot.Proc row = new Snapshot.Proc(pid, st.ppid(), user, st.state(), cpu, st.rssPages() * pageSize, st.comm(),
        command);
    return new Seen(path, st.startTime(), st.comm(), st.ticks(), coreClock, command, user, row);
  }

  private String command(String pid, String comm) {
    if (proc.load(pid + "/cmdline")) {
      String c = proc.cmdline();
      if (!c.isBlank()) {
        return c;
      }
    }
    return "[" + comm + "]"; // a kernel thread, or a zombie: no command line, as ps shows it
  }

  private String user(String pid) {
    try {
      Object uid = Files.getAttribute(proc.root.resolve(pid), "unix:uid");
      return users.name(((Number) uid).intValue());
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "?";
    }
  }

  /** uid to name from /etc/passwd, read again (at most every 10 s) when an unknown uid shows up. */
  static final class Users {
    private final Path passwd;
    private Map<Integer, String> names = Map.of();
    private long readAt = Long.MIN_VALUE / 2;

    Users(Path passwd) {
      this.passwd = passwd;
    }

    String name(int uid) {
      String n = names.get(uid);
      if (n == null && System.nanoTime() - readAt > 10_000_000_000L) {
        reload();
        n = names.get(uid);
      }
      return n != null ? n : Integer.toString(uid);
    }

    private void reload() {
      readAt = System.nanoTime();
      Map<Integer, String> m = new HashMap<>();
      try {
        for (String line : Files.readAllLines(passwd)) {
          String[] f = line.split(":");
          if (f.length > 2) {
            try {
              m.put(Integer.parseInt(f[2]), f[0]);
            } catch (NumberFormatException e) {
              // a malformed line names nobody
            }
          }
        }
      } catch (IOException e) {
        // no passwd (a minimal container): numeric uids it is
      }
      names = m;
    }
  }
}
