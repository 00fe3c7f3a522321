package dev.shellcamp.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The /proc parsers on files recorded from real kernels, with the quirks each one has. */
class KernelTextTest {
  @Test
  void cpuLinesUpToTheFirstOtherLine() {
    List<KernelText.Ticks> t = KernelText.cpu(Cursor.of("""
        cpu  996368 133 334565 4280953 6012 0 5190 0 0 0
        cpu0 498184 66 167282 2140476 3006 0 2595 0 0 0
        cpu1 498184 67 167283 2140477 3006 0 2595 7 0 0
        intr 123456 1 2 3
        ctxt 98765
        """));
    assertEquals(3, t.size());
    assertEquals(new KernelText.Ticks(996368 + 133 + 334565 + 4280953 + 6012 + 5190, 4280953 + 6012), t.get(0));
    assertEquals(498184 + 67 + 167283 + 2140477 + 3006 + 2595 + 7, t.get(2).total());
  }

  @Test
  void cpuLineOfAnOldKernelWithFewerFieldsTakesNothingFromTheNextLine() {
    List<KernelText.Ticks> t = KernelText.cpu(Cursor.of("cpu  10 0 5 100\ncpu0 10 0 5 100\n"));
    assertEquals(List.of(new KernelText.Ticks(115, 100), new KernelText.Ticks(115, 100)), t);
  }

  @Test
  void memoryInBytesWithAvailableOrFreeWhereAnOldKernelHasNoAvailable() {
    String meminfo = """
        MemTotal:       24684084 kB
        MemFree:        23480028 kB
        MemAvailable:   23868916 kB
        Buffers:           13696 kB
        SwapCached:            0 kB
        SwapTotal:       1048572 kB
        SwapFree:         524288 kB
        HugePages_Total:       0
        """;
    assertEquals(new Snapshot.Memory(24684084L * 1024, 23868916L * 1024, 1048572L * 1024, 524288L * 1024),
        KernelText.memory(Cursor.of(meminfo)));
    assertEquals(new Snapshot.Memory(2048, 1024, 0, 0), KernelText.memory(Cursor.of("MemTotal: 2 kB\nMemFree:\t1 kB\n")));
  }

  @Test
  void loadAveragesAndTheLastPid() {
    String loadavg = "0.06 0.59 12.85 2/97 6952\n";
    assertEquals(List.of(0.06, 0.59, 12.85), KernelText.load(Cursor.of(loadavg)));
    assertEquals(6952, KernelText.lastPid(Cursor.of(loadavg)));
  }

  @Test
  void uptimeSeconds() {
    assertEquals(28363.77, KernelText.uptime(Cursor.of("28363.77 42809.53\n")), 1e-9);
    assertEquals(12.0, KernelText.uptime(Cursor.of("12 3\n")), 1e-9);
  }

  @Test
  void diskBytesFromSectorsForEveryDevice() {
    Map<String, long[]> d = KernelText.disks(Cursor.of("""
           7       0 loop0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
         259       0 nvme0n1 38731 10342 3219842 12047 95873 61245 9735232 70811 0 71196 87451 0 0 0 0 5203 4592
         259       1 nvme0n1p1 38601 10342 3212570 12001 95873 61245 9735232 70811 0 71124 82812 0 0 0 0 0 0
        """));
    assertEquals(List.of("loop0", "nvme0n1", "nvme0n1p1"), List.copyOf(d.keySet()));
    assertArrayEquals(new long[] {3219842L * 512, 9735232L * 512}, d.get("nvme0n1"));
  }

  @Test
  void networkBytesPerInterfaceSkippingTheHeaderAndANameJoinedToItsNumber() {
    Map<String, long[]> n = KernelText.networks(Cursor.of("""
        Inter-|   Receive                                                |  Transmit
         face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
            lo:   12345      67    0    0    0     0          0         0    12345      67    0    0    0     0       0          0
          eth0:4294967296000 1000 0 0 0 0 0 0 987654321 2000 0 0 0 0 0 0
        """));
    assertEquals(List.of("lo", "eth0"), List.copyOf(n.keySet()));
    assertArrayEquals(new long[] {12345, 12345}, n.get("lo"));
    assertArrayEquals(new long[] {4294967296000L, 987654321}, n.get("eth0"));
  }
}
