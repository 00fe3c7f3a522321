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

  /** /proc/stat: index 0 is the "cpu" total, then cpu0, cpu1, ... */
  static List<Ticks> cpu(String stat) {
    List<Ticks> out = new ArrayList<>();
    for (String line : stat.split("\n")) {
      if (!line.startsWith("cpu")) {
        continue;
      }
      String[] f = line.trim().split("\\s+");
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
    for (String line : meminfo.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon);
      long kib;
      try {
        kib = Long.parseLong(line.substring(colon + 1).replace("kB", "").trim());
      } catch (NumberFormatException e) {
        continue;
      }
      switch (key) {
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
    String[] f = loadavg.trim().split("\\s+");
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
    for (String line : diskstats.split("\n")) {
      String[] f = line.trim().split("\\s+");
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
    for (String line : netdev.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0 || line.contains("|")) {
        continue;
      }
      String name = line.substring(0, colon).trim();
      String[] f = line.substring(colon + 1).trim().split("\\s+");
      if (f.length >= 9) {
        out.put(name, new long[] {Long.parseLong(f[0]), Long.parseLong(f[8])});
      }
    }
    return out;
  }
}
