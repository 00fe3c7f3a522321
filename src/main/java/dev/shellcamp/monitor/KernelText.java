package dev.shellcamp.monitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parsers for the machine-wide /proc files, over a {@link Cursor}, so tests can feed recorded files. */
final class KernelText {
  private KernelText() {}

  /** Jiffies of one "cpu" line of /proc/stat: all of them, and the idle ones (idle + iowait). */
  record Ticks(long total, long idle) {
    /** Busy percent between an earlier reading and this one. */
    double busySince(Ticks before) {
      long dt = total - before.total;
      return dt <= 0 ? 0 : Math.max(0, Math.min(100, 100.0 * (dt - (idle - before.idle)) / dt));
    }
  }

  /** /proc/stat: index 0 is the "cpu" total, then cpu0, cpu1, ... (the lines at its top). */
  static List<Ticks> cpu(Cursor c) {
    List<Ticks> out = new ArrayList<>();
    for (; c.startsWith("cpu"); c.nextLine()) {
      c.skip();
      long total = 0;
      long idle = 0;
      // user nice system idle iowait irq softirq steal; guest time is already inside user
      for (int i = 1; i <= 8; i++) {
        long v = c.number();
        total += v;
        if (i == 4 || i == 5) {
          idle += v;
        }
      }
      out.add(new Ticks(total, idle));
    }
    return out;
  }

  /** /proc/meminfo: total, available, swap total, swap free, in bytes. */
  static Snapshot.Memory memory(Cursor c) {
    long total = 0;
    long avail = -1;
    long free = 0;
    long swapTotal = 0;
    long swapFree = 0;
    for (; c.more(); c.nextLine()) {
      if (c.startsWith("MemTotal:")) {
        total = kib(c);
      } else if (c.startsWith("MemAvailable:")) {
        avail = kib(c);
      } else if (c.startsWith("MemFree:")) {
        free = kib(c);
      } else if (c.startsWith("SwapTotal:")) {
        swapTotal = kib(c);
      } else if (c.startsWith("SwapFree:")) {
        swapFree = kib(c);
      }
    }
    return new Snapshot.Memory(total, avail < 0 ? free : avail, swapTotal, swapFree);
  }

  private static long kib(Cursor c) {
    c.past(':');
    return c.number() * 1024;
  }

  /** /proc/loadavg: the 1, 5 and 15 minute averages. */
  static List<Double> load(Cursor c) {
    return List.of(c.decimal(), c.decimal(), c.decimal());
  }

  /**
   * /proc/loadavg's last field: the pid most recently handed out (to a process or a thread) in
   * this pid namespace. While it stays the same, no process can have started.
   */
  static long lastPid(Cursor c) {
    for (int i = 0; i < 4; i++) {
      c.skip();
    }
    return c.number();
  }

  /** /proc/uptime: seconds since boot. */
  static double uptime(Cursor c) {
    return c.decimal();
  }

  /** /proc/diskstats: bytes read and written per device name (sectors are 512 bytes there, whatever the disk). */
  static Map<String, long[]> disks(Cursor c) {
    Map<String, long[]> out = new LinkedHashMap<>();
    for (; c.more(); c.nextLine()) {
      c.skip(); // major
      c.skip(); // minor
      String name = c.word();
      c.skip(); // reads completed
      c.skip(); // reads merged
      long read = c.number();
      c.skip(); // ms reading
      c.skip(); // writes completed
      c.skip(); // writes merged
      long written = c.number();
      if (!name.isEmpty()) {
        out.put(name, new long[] {read * 512, written * 512});
      }
    }
    return out;
  }

  /** /proc/net/dev: bytes received and sent per interface (its two header lines have no colon). */
  static Map<String, long[]> networks(Cursor c) {
    Map<String, long[]> out = new LinkedHashMap<>();
    for (; c.more(); c.nextLine()) {
      String name = c.word(':');
      if (!c.past(':')) {
        continue;
      }
      long received = c.number();
      for (int i = 0; i < 7; i++) {
        c.skip(); // packets errs drop fifo frame compressed multicast
      }
      out.put(name, new long[] {received, c.number()});
    }
    return out;
  }
}
