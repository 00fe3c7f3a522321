package dev.shellcamp.monitor;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
  private Map<Long, Seen> seen = new HashMap<>();

  /** What we remember of a process between readings; startTime tells a reused pid apart. */
  private record Seen(long startTime, String comm, long ticks, String command, String user) {}

  ProcessTable(ProcFs proc, long pageSize, Users users) {
    this.proc = proc;
    this.pageSize = pageSize;
    this.users = users;
  }

  /**
   * Reads every process. {@code jiffiesPerCore} is how long one core's clock ran since the last
   * reading (from /proc/stat), so a process's CPU is ticks used over ticks available to one core.
   */
  List<Snapshot.Proc> read(double jiffiesPerCore) {
    String[] names = new File(proc.root.toString()).list();
    List<Snapshot.Proc> out = new ArrayList<>(names == null ? 0 : names.length);
    Map<Long, Seen> now = new HashMap<>(seen.size() + 16);
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
      if (!proc.loadRecord(n + "/stat")) {
        continue; // ended between the listing and the read
      }
      ProcFs.Stat st = proc.stat();
      if (st == null) {
        continue;
      }
      Seen before = seen.get(pid);
      boolean same = before != null && before.startTime == st.startTime() && before.comm.equals(st.comm());
      double cpu = 0;
      if (before != null && before.startTime == st.startTime() && jiffiesPerCore > 0) {
        cpu = Math.max(0, 100.0 * (st.ticks() - before.ticks) / jiffiesPerCore);
      }
      String command = same ? before.command : command(n, st.comm());
      String user = same ? before.user : user(n);
      now.put(pid, new Seen(st.startTime(), st.comm(), st.ticks(), command, user));
      out.add(new Snapshot.Proc(pid, st.ppid(), user, st.state(), cpu, st.rssPages() * pageSize, st.comm(), command));
    }
    seen = now;
    return out;
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
