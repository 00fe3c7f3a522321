package dev.shellcamp.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU quota and memory limit of the cgroup we run in, cgroup v2 (cpu.max, memory.max) or v1
 * (cpu.cfs_quota_us, memory.limit_in_bytes). Inside a container the host's core count and
 * memory say little about what a program may use; these files say it. Where they are is worked
 * out once; each read then re-reads those few files through kept descriptors (resolving the
 * paths every time cost the monitor ≈ 0.6 ms, docs/benchmarks.md).
 */
final class Cgroup implements AutoCloseable {
  /** v1 writes "no limit" as a page-rounded LONG_MAX; anything this large means none. */
  private static final long NO_LIMIT = 1L << 60;

  private final Path sys;
  private final Path selfCgroup;
  private final Path fsRoot;
  private final ProcFs files;
  private Layout layout;

  /** Our files, relative to the hierarchy's mount; null where there is none. */
  private record Layout(boolean container, int version, String cpuMax, String quota, String period, String limit,
      String usage) {}

  Cgroup(Path sys, Path selfCgroup, Path fsRoot) {
    this.sys = sys;
    this.selfCgroup = selfCgroup;
    this.fsRoot = fsRoot;
    this.files = new ProcFs(sys);
  }

  static Cgroup system() {
    return new Cgroup(Path.of("/sys/fs/cgroup"), Path.of("/proc/self/cgroup"), Path.of("/"));
  }

  Snapshot.Limits read() {
    if (layout == null) {
      layout = layout();
    }
    Layout l = layout;
    long quota = -1;
    long period = -1;
    if (l.version != 2) {
      quota = number(l.quota);
      period = number(l.period);
    } else if (l.cpuMax != null && files.reload(l.cpuMax)) {
      Cursor c = files.cursor(); // "max 100000" or "150000 100000"
      if (!c.startsWith("max")) {
        quota = c.number();
        period = c.number();
      }
    }
    double cpu = quota > 0 && period > 0 ? (double) quota / period : Double.NaN;
    long mem = number(l.limit);
    return new Snapshot.Limits(l.container, l.version, cpu, mem >= NO_LIMIT ? -1 : mem, number(l.usage));
  }

  @Override
  public void close() {
    files.close();
  }

  private Layout layout() {
    boolean container = container();
    if (Files.exists(sys.resolve("cgroup.controllers"))) {
      Path dir = own("", "0::");
      return new Layout(container, 2, file(dir, "cpu.max"), null, null, file(dir, "memory.max"),
          file(dir, "memory.current"));
    }
    Path cpuDir = own("cpu", "cpu");
    if (!Files.isDirectory(cpuDir)) {
      cpuDir = own("cpu,cpuacct", "cpu");
    }
    Path memDir = own("memory", "memory");
    boolean v1 = Files.isDirectory(sys.resolve("memory")) || Files.isDirectory(cpuDir);
    return new Layout(container, v1 ? 1 : 0, null, file(cpuDir, "cpu.cfs_quota_us"), file(cpuDir, "cpu.cfs_period_us"),
        file(memDir, "memory.limit_in_bytes"), file(memDir, "memory.usage_in_bytes"));
  }

  /** {@code name} in {@code dir} relative to the mount, or null when there is no such file. */
  private String file(Path dir, String name) {
    Path p = dir.resolve(name);
    return Files.isRegularFile(p) ? sys.relativize(p).toString() : null;
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

  /** The number a one-value file holds: -1 when it is gone or empty, Long.MAX_VALUE for "max". */
  private long number(String relative) {
    if (relative == null || !files.reload(relative)) {
      return -1;
    }
    Cursor c = files.cursor();
    return !c.more() ? -1 : c.startsWith("max") ? Long.MAX_VALUE : c.number();
  }
}
