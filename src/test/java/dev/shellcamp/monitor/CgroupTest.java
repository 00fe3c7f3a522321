package dev.shellcamp.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cgroup limits from v2 and v1 file trees laid out as the kernel does, and from this machine. */
class CgroupTest {
  @TempDir Path root;

  @Test
  void v2QuotaAndMemoryLimitOfOurOwnCgroup() throws IOException {
    write(root.resolve("fs/.dockerenv"), "");
    Snapshot.Limits l = limits("0::/system.slice/docker-abc.scope\n", """
        cgroup.controllers: cpuset cpu io memory pids
        system.slice/docker-abc.scope/cpu.max: 150000 100000
        system.slice/docker-abc.scope/memory.max: 2147483648
        system.slice/docker-abc.scope/memory.current: 104857600
        """);
    assertEquals(new Snapshot.Limits(true, 2, 1.5, 2147483648L, 104857600L), l);
  }

  @Test
  void v2MaxMeansNoLimitAndANamespacedRootIsOurs() throws IOException {
    Snapshot.Limits l = limits("0::/\n", """
        cgroup.controllers: cpu memory
        cpu.max: max 100000
        memory.max: max
        """);
    assertFalse(l.any(), l.toString());
    assertEquals(2, l.cgroupVersion());
  }

  @Test
  void v1QuotaAndLimit() throws IOException {
    Snapshot.Limits l = limits("4:memory:/\n2:cpu,cpuacct:/\n", """
        cpu,cpuacct/cpu.cfs_quota_us: 50000
        cpu,cpuacct/cpu.cfs_period_us: 100000
        memory/memory.limit_in_bytes: 536870912
        memory/memory.usage_in_bytes: 1048576
        """);
    assertEquals(new Snapshot.Limits(false, 1, 0.5, 536870912L, 1048576L), l);
  }

  @Test
  void v1UnlimitedIsAPageRoundedLongMax() throws IOException {
    assertFalse(limits("", """
        cpu/cpu.cfs_quota_us: -1
        cpu/cpu.cfs_period_us: 100000
        memory/memory.limit_in_bytes: 9223372036854771712
        """).any());
  }

  @Test
  void thisMachineAgreesWithItsOwnFiles() throws IOException {
    Snapshot.Limits l = Cgroup.system().read();
    assertEquals(Files.exists(Path.of("/.dockerenv")) || Files.exists(Path.of("/run/.containerenv"))
        || System.getenv("container") != null, l.container());
    Path v2 = Path.of("/sys/fs/cgroup/cgroup.controllers");
    assertEquals(Files.exists(v2) ? 2 : Files.isDirectory(Path.of("/sys/fs/cgroup/memory")) ? 1 : 0, l.cgroupVersion());
    if (l.memoryUsed() >= 0) {
      assertTrue(l.memoryUsed() > 0, l.toString());
    }
  }

  /**
   * The limits read from a cgroup mount holding {@code files} (a line each, "path below the mount:
   * text", as `grep -r .` shows them) for a process whose /proc/self/cgroup reads {@code self}.
   */
  private Snapshot.Limits limits(String self, String files) throws IOException {
    Path sys = root.resolve("sys");
    for (String line : files.split("\n")) {
      int colon = line.indexOf(": ");
      write(sys.resolve(line.substring(0, colon)), line.substring(colon + 2));
    }
    write(root.resolve("self"), self);
    return new Cgroup(sys, root.resolve("self"), root.resolve("fs")).read();
  }

  private static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
