package dev.shellcamp.monitor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sorting by CPU means CPU now: a busy loop sorts above a process that burned more CPU in its
 * life but sleeps now (OSHI's CPU_DESC, a lifetime average, would rank them the other way).
 */
class CurrentCpuSortTest {
  @Test
  void aBusyLoopSortsAboveAnIdleProcessThatWasBusyBefore() throws Exception {
    // burns about 1.5 s of CPU, then becomes `sleep 60` (exec keeps the pid and its CPU time)
    Process spent = new ProcessBuilder("bash", "-c", "while [ $SECONDS -lt 2 ]; do :; done; exec sleep 60").start();
    Process busy = null;
    try {
      while (!Files.readString(Path.of("/proc/" + spent.pid() + "/cmdline")).startsWith("sleep")) {
        Thread.sleep(50);
      }
      busy = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
      Sampler s = new Sampler();
      s.sample();
      Thread.sleep(1000);
      Snapshot snap = s.sample();
      List<ProcessOrder.Row> rows = ProcessOrder.rows(snap.processes(), View.START);
      int busyAt = index(rows, busy.pid());
      int spentAt = index(rows, spent.pid());
      Snapshot.Proc b = rows.get(busyAt).proc();
      Snapshot.Proc i = rows.get(spentAt).proc();
      String why = "busy " + b + " at " + busyAt + ", idle " + i + " at " + spentAt + "; lifetime ticks busy "
          + ticks(busy.pid()) + " vs idle " + ticks(spent.pid());
      assertTrue(busyAt < spentAt, why);
      assertTrue(b.cpu() > 20, "a busy loop uses most of a core: " + why);
      assertTrue(i.cpu() < 5, "a sleeping process uses none: " + why);
    } finally {
      if (busy != null) {
        busy.destroyForcibly().waitFor();
      }
      spent.destroyForcibly().waitFor();
    }
  }

  private static int index(List<ProcessOrder.Row> rows, long pid) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).proc().pid() == pid) {
        return i;
      }
    }
    throw new AssertionError("pid " + pid + " not listed");
  }

  private static long ticks(long pid) throws Exception {
    ProcFs p = new ProcFs(Path.of("/proc"));
    return p.load(pid + "/stat") ? p.stat().ticks() : -1;
  }
}
