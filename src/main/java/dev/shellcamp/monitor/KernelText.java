package dev.shellcamp.monitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parsers for the machine-wide /proc files, from text, so tests can feed recorded files. */
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
  static List<Ticks> cpu(String stat) {
    List<Ticks> out = new ArrayList<>();
    for (int at = 0; at < stat.length() && stat.startsWith("cpu", at); at = next(stat, at)) {
      String[] f = words(stat, at, end(stat, at));
      long total = 0;
      // user nice system idle iowait irq softirq steal; guest time is already inside user
      for (int i = 1; i < Math.min(f.length, 9); i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
      out.add(new Ticks(total, idle));
    }
    return out;
  }

  /** /proc/meminfo: total, available, swap total, swap free, in bytes. */
  static Snapshot.Memory memory(String meminfo) {
    long total = 0;
    long avail = -1;
    long free = 0;
    long swapTotal = 0;
    long swapFree = 0;
    for (int at = 0; at < meminfo.length(); at = next(meminfo, at)) {
      int end = end(meminfo, at);
      int colon = meminfo.indexOf(':', at);
      if (colon < 0 || colon > end) {
        continue;
      }
      String[] f = words(meminfo, colon + 1, end);
      long kib;
      try {
        kib = f.length == 0 ? 0 : Long.parseLong(f[0]);
      } catch (NumberFormatException e) {
        continue;
      }
      switch (meminfo.substring(at, colon)) {
        case "MemTotal" -> total = kib * 1024;
        case "MemAvailable" -> avail = kib * 1024;
        case "MemFree" -> free = kib * 1024;
        case "SwapTotal" -> swapTotal = kib * 1024;
        case "SwapFree" -> swapFree = kib * 1024;
        default -> { }
      }
    }
    return new Snapshot.Memory(total, avail < 0 ? free : avail, swapTotal, swapFree);
  }

  /** /proc/loadavg: the 1, 5 and 15 minute averages. */
  static List<Double> load(String loadavg) {
    String[] f = words(loadavg, 0, loadavg.length());
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < Math.min(3, f.length); i++) {
      out.add(Double.parseDouble(f[i]));
    }
    return out;
  }

  /** /proc/uptime: seconds since boot. */
  static double uptime(String uptime) {
    String t = uptime.trim();
    int sp = t.indexOf(' ');
    return Double.parseDouble(sp < 0 ? t : t.substring(0, sp));
  }

  /** /proc/diskstats: bytes read and written per device name (sectors are 512 bytes there, whatever the disk). */
  static Map<String, long[]> disks(String diskstats) {
    Map<String, long[]> out = new LinkedHashMap<>();
    for (int at = 0; at < diskstats.length(); at = next(diskstats, at)) {
      String[] f = words(diskstats, at, end(diskstats, at));
      if (f.length < 10) {
        continue;
      }
      out.put(f[2], new long[] {Long.parseLong(f[5]) * 512, Long.parseLong(f[9]) * 512});
    }
    return out;
  }

  /** /proc/net/dev: bytes received and sent per interface. */
  static Map<String, long[]> networks(String netdev) {
    Map<String, long[]> out = new LinkedHashMap<>();
    for (int at = 0; at < netdev.length(); at = next(netdev, at)) {
      int end = end(netdev, at);
      int colon = netdev.indexOf(':', at);
      if (colon < 0 || colon > end || netdev.lastIndexOf('|', end) >= at) {
        continue;
      }
      String[] f = words(netdev, colon + 1, end);
      if (f.length >= 9) {
        out.put(netdev.substring(at, colon).trim(), new long[] {Long.parseLong(f[0]), Long.parseLong(f[8])});
      }
    }
    return out;
  }

  /** Where the line starting at {@code at} ends (its newline, or the end of the text). */
  private static int end(String s, int at) {
    int nl = s.indexOf('\n', at);
    return nl < 0 ? s.length() : nl;
  }

  private static int next(String s, int at) {
    return end(s, at) + 1;
  }

  /**
   * The words between {@code from} and {@code to} split at spaces and tabs. The monitor parses
   * these files every refresh: String.split("\\s+") compiles a regex on each call, and at a 1 s
   * refresh that code never gets hot enough to be compiled itself.
   */
  static String[] words(String s, int from, int to) {
    List<String> out = new ArrayList<>(16);
    int i = from;
    while (i < to) {
      while (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
        i++;
      }
      int start = i;
      while (i < to && s.charAt(i) != ' ' && s.charAt(i) != '\t') {
        i++;
      }
      if (i > start) {
        out.add(s.substring(start, i));
      }
    }
    return out.toArray(new String[0]);
  }
}
