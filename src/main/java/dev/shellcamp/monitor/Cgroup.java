package dev.shellcamp.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU quota and memory limit of the cgroup we run in, cgroup v2 (cpu.max, memory.max) or v1
 * (cpu.cfs_quota_us, memory.limit_in_bytes). Inside a container the host's core count and
 * memory say little about what a program may use; these files say it.
 */
final class Cgroup {
  /** v1 writes "no limit" as a page-rounded LONG_MAX; anything this large means none. */
  private static final long NO_LIMIT = 1L << 60;

  private final Path sys;
  private final Path selfCgroup;
  private final Path fsRoot;

  Cgroup(Path sys, Path selfCgroup, Path fsRoot) {
    this.sys = sys;
    this.selfCgroup = selfCgroup;
    this.fsRoot = fsRoot;
  }

  static Cgroup system() {
    return new Cgroup(Path.of("/sys/fs/cgroup"), Path.of("/proc/self/cgroup"), Path.of("/"));
  }

  Snapshot.Limits read() {
    boolean container = container();
    if (Files.exists(sys.resolve("cgroup.controllers"))) {
      Path dir = own("", "0::");
      double cpu = Double.NaN;
      String max = first(dir.resolve("cpu.max"));
      if (max != null) {
        String[] f = max.split("\\s+");
        if (!f[0].equals("max") && f.length == 2) {
          cpu = Double.parseDouble(f[0]) / Double.parseDouble(f[1]);
        }
      }
      long mem = number(dir.resolve("memory.max"));
      return new Snapshot.Limits(container, 2, cpu, mem >= NO_LIMIT ? -1 : mem, number(dir.resolve("memory.current")));
    }
    Path cpuDir = own("cpu", "cpu");
    if (!Files.isDirectory(cpuDir)) {
      cpuDir = own("cpu,cpuacct", "cpu");
    }
    long quota = number(cpuDir.resolve("cpu.cfs_quota_us"));
    long period = number(cpuDir.resolve("cpu.cfs_period_us"));
    double cpu = quota > 0 && period > 0 ? (double) quota / period : Double.NaN;
    Path memDir = own("memory", "memory");
    long mem = number(memDir.resolve("memory.limit_in_bytes"));
    boolean v1 = Files.isDirectory(sys.resolve("memory")) || Files.isDirectory(cpuDir);
    return new Snapshot.Limits(container, v1 ? 1 : 0, cpu, mem >= NO_LIMIT ? -1 : mem,
        number(memDir.resolve("memory.usage_in_bytes")));
  }

  /**
   * Our own cgroup's directory under the hierarchy's mount: the path /proc/self/cgroup names,
   * where it exists; inside a container with a cgroup namespace that path is "/" or absent
   * from the mount, and the mount's root is ours.
   */
  private Path own(String hierarchy, String controller) {
    Path base = hierarchy.isEmpty() ? sys : sys.resolve(hierarchy);
    try {
      for (String line : Files.readAllLines(selfCgroup)) {
        String[] f = line.split(":", 3);
        if (f.length < 3) {
          continue;
        }
        boolean match = controller.equals("0::") ? f[0].equals("0") && f[1].isEmpty()
            : java.util.Arrays.asList(f[1].split(",")).contains(controller);
        if (match && !f[2].equals("/")) {
          Path p = base.resolve(f[2].substring(1));
          if (Files.isDirectory(p)) {
            return p;
          }
        }
      }
    } catch (IOException e) {
      // no /proc/self/cgroup: the mount's root
    }
    return base;
  }

  private boolean container() {
    return Files.exists(fsRoot.resolve(".dockerenv")) || Files.exists(fsRoot.resolve("run/.containerenv"))
        || System.getenv("container") != null;
  }

  private static String first(Path p) {
    try {
      String s = Files.readString(p).trim();
      return s.isEmpty() ? null : s;
    } catch (IOException e) {
      return null;
    }
  }

  private static long number(Path p) {
    String s = first(p);
    if (s == null || s.equals("max")) {
      return s == null ? -1 : Long.MAX_VALUE;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
