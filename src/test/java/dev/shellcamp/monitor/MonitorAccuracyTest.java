package dev.shellcamp.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The monitor's figures against free(1), df(1) and ps(1) read at the same moment. Sizes that
 * move (available memory, used disk) must lie between the tool's readings just before and just
 * after ours, give or take a stated slack; sizes that do not move must be equal.
 */
class MonitorAccuracyTest {
  private static final long MEM_SLACK = 32L << 20;   // 32 MiB: other builds share this machine
  private static final long DISK_SLACK = 16L << 20;  // 16 MiB

  @Test
  void memoryMatchesFree() throws Exception {
    Sampler s = new Sampler();
    long[] before = free();
    Snapshot.Memory m = s.sample().memory();
    long[] after = free();
    assertEquals(before[0], m.total(), "total memory: free -b says " + before[0]);
    assertBetween("available memory", m.available(), before[1], after[1], MEM_SLACK);
    assertEquals(m.total() - m.available(), m.used());
    assertEquals(before[2], m.swapTotal(), "swap total");
  }

  @Test
  void filesystemsMatchDfOneRowPerDevice() throws Exception {
    Sampler s = new Sampler();
    List<Snapshot.Fs> rows = s.sample().filesystems();
    assertTrue(rows.stream().anyMatch(f -> f.mount().equals("/")), "the root file system is shown: " + rows);
    Set<String> devices = new HashSet<>();
    for (Snapshot.Fs f : rows) {
      assertTrue(devices.add(f.device()), "device " + f.device() + " counted twice: " + rows);
      long[] before = df(f.mount());
      Snapshot.Fs now = s.sample().filesystems().stream().filter(x -> x.mount().equals(f.mount())).findFirst().orElseThrow();
      long[] after = df(f.mount());
      assertEquals(before[0], now.total(), "size of " + f.mount() + ": df -B1 says " + before[0]);
      assertBetween("used on " + f.mount(), now.used(), before[1], after[1], DISK_SLACK);
      assertBetween("available on " + f.mount(), now.available(), before[2], after[2], DISK_SLACK);
    }
  }

  @Test
  void aStartedProcessAppearsWithItsPidCommandOwnerAndSize() throws Exception {
    Process sleep = new ProcessBuilder("sleep", "61").start();
    try {
      Sampler s = new Sampler();
      // until it has exec'd and gone to sleep the child is still a copy of the JVM
      Await.until("`sleep 61` to exec and sleep", Duration.ofSeconds(10),
          () -> Files.readString(Path.of("/proc/" + sleep.pid() + "/stat")).contains(" (sleep) S "));
      Snapshot.Proc p = s.sample().processes().stream().filter(x -> x.pid() == sleep.pid()).findFirst().orElse(null);
      assertNotNull(p, "pid " + sleep.pid() + " not in the process list");
      String[] ps = run("ps", "-o", "ppid=,user=,rss=,comm=,args=", "-p", Long.toString(sleep.pid())).trim().split("\\s+", 5);
      assertEquals("sleep 61", p.command());
      assertEquals("sleep", p.name());
      assertEquals(ProcessHandle.current().pid(), p.ppid());
      assertEquals(Long.parseLong(ps[0]), p.ppid(), "ppid vs ps");
      assertEquals(ps[1], p.user(), "user vs ps");
      assertEquals(ps[4], p.command(), "command vs ps");
      // ps reads VmRSS from /proc/PID/status, we read the rss pages of /proc/PID/stat: the kernel
      // batches the latter per thread (up to 64 pages behind), so they may differ by that much
      long psRss = Long.parseLong(ps[2]) * 1024;
      assertTrue(Math.abs(psRss - p.rss()) <= 64 * 4096, "rss: monitor " + p.rss() + ", ps " + psRss);
      assertEquals('S', p.state());
    } finally {
      sleep.destroyForcibly().waitFor();
    }
  }

  @Test
  void everyProcessPsSeesBothBeforeAndAfterIsListed() throws Exception {
    Sampler s = new Sampler();
    Set<Long> before = pids();
    Set<Long> ours = new HashSet<>();
    s.sample().processes().forEach(p -> ours.add(p.pid()));
    Set<Long> after = pids();
    before.retainAll(after); // lived through our reading
    before.removeAll(ours);
    assertTrue(before.isEmpty(), "ps lists processes the monitor missed: " + before);
  }

  private static Set<Long> pids() throws Exception {
    Set<Long> out = new HashSet<>();
    for (String l : run("ps", "-e", "-o", "pid=").split("\n")) {
      if (!l.isBlank()) {
        out.add(Long.parseLong(l.trim()));
      }
    }
    return out;
  }

  private static void assertBetween(String what, long value, long a, long b, long slack) {
    long lo = Math.min(a, b) - slack;
    long hi = Math.max(a, b) + slack;
    assertTrue(value >= lo && value <= hi, what + ": monitor " + value + ", the tool said " + a + " then " + b
        + " (slack " + slack + ")");
  }

  /** free -b: total, available, swap total. */
  private static long[] free() throws Exception {
    long[] out = new long[3];
    for (String line : run("free", "-b").split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f[0].equals("Mem:")) {
        out[0] = Long.parseLong(f[1]);
        out[1] = Long.parseLong(f[6]);
      } else if (f[0].equals("Swap:")) {
        out[2] = Long.parseLong(f[1]);
      }
    }
    return out;
  }

  /** df -B1: size, used, available of the file system holding {@code mount}. */
  private static long[] df(String mount) throws Exception {
    String[] lines = run("df", "-B1", "--output=size,used,avail", mount).trim().split("\n");
    String[] f = lines[lines.length - 1].trim().split("\\s+");
    return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])};
  }

  static String run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(10, TimeUnit.SECONDS), String.join(" ", cmd) + " hung");
    assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
    return out;
  }
}
