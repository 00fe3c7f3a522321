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
    Path sys = root.resolve("sys");
    write(sys.resolve("cgroup.controllers"), "cpuset cpu io memory pids");
    write(sys.resolve("system.slice/docker-abc.scope/cpu.max"), "150000 100000");
    write(sys.resolve("system.slice/docker-abc.scope/memory.max"), "2147483648");
    write(sys.resolve("system.slice/docker-abc.scope/memory.current"), "104857600");
    write(root.resolve("self"), "0::/system.slice/docker-abc.scope\n");
    write(root.resolve("fs/.dockerenv"), "");
    Snapshot.Limits l = new Cgroup(sys, root.resolve("self"), root.resolve("fs")).read();
    assertEquals(new Snapshot.Limits(true, 2, 1.5, 2147483648L, 104857600L), l);
  }

  @Test
  void v2MaxMeansNoLimitAndANamespacedRootIsOurs() throws IOException {
    Path sys = root.resolve("sys");
    write(sys.resolve("cgroup.controllers"), "cpu memory");
    write(sys.resolve("cpu.max"), "max 100000");
    write(sys.resolve("memory.max"), "max");
    write(root.resolve("self"), "0::/\n");
    Snapshot.Limits l = new Cgroup(sys, root.resolve("self"), root.resolve("fs")).read();
    assertFalse(l.any(), l.toString());
    assertEquals(2, l.cgroupVersion());
  }

  @Test
  void v1QuotaAndLimit() throws IOException {
    Path sys = root.resolve("sys");
    write(sys.resolve("cpu,cpuacct/cpu.cfs_quota_us"), "50000");
    write(sys.resolve("cpu,cpuacct/cpu.cfs_period_us"), "100000");
    write(sys.resolve("memory/memory.limit_in_bytes"), "536870912");
    write(sys.resolve("memory/memory.usage_in_bytes"), "1048576");
    write(root.resolve("self"), "4:memory:/\n2:cpu,cpuacct:/\n");
    Snapshot.Limits l = new Cgroup(sys, root.resolve("self"), root.resolve("fs")).read();
    assertEquals(new Snapshot.Limits(false, 1, 0.5, 536870912L, 1048576L), l);
  }

  @Test
  void v1UnlimitedIsAPageRoundedLongMax() throws IOException {
    Path sys = root.resolve("sys");
    write(sys.resolve("cpu/cpu.cfs_quota_us"), "-1");
    write(sys.resolve("cpu/cpu.cfs_period_us"), "100000");
    write(sys.resolve("memory/memory.limit_in_bytes"), "9223372036854771712");
    write(root.resolve("self"), "");
    assertFalse(new Cgroup(sys, root.resolve("self"), root.resolve("fs")).read().any());
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

  private static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
