package dev.shellcamp.monitor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * While /proc/loadavg's last pid stands still the table reads only the processes it knows:
 * one that ends must still leave at once, and a new one must show as soon as the pid moves.
 */
class ProcessTableTest {
  @Test
  void anEndedProcessLeavesAndANewOneComesWithTheLastPid() throws Exception {
    try (ProcFs proc = new ProcFs(Path.of("/proc"))) {
      ProcessTable table = new ProcessTable(proc, 4096, new ProcessTable.Users(Path.of("/etc/passwd")));
      Process first = new ProcessBuilder("sleep", "60").start();
      Process second = null;
      try {
        long last = lastPid(proc);
        assertTrue(listed(table.read(1000, last), first.pid()), "a process running at the first listing is shown");
        assertTrue(listed(table.read(2000, last), first.pid()), "and still shown while nothing started");

        first.destroyForcibly().waitFor();
        assertFalse(listed(table.read(3000, last), first.pid()),
            "an ended process leaves at the next refresh although the last pid did not move");

        second = new ProcessBuilder("sleep", "60").start();
        assertFalse(listed(table.read(4000, last), second.pid()),
            "with the old last pid the table does not list /proc (this is what it saves)");
        assertTrue(listed(table.read(5000, lastPid(proc)), second.pid()), "a new last pid lists /proc again");
      } finally {
        first.destroyForcibly().waitFor();
        if (second != null) {
          second.destroyForcibly().waitFor();
        }
      }
    }
  }

  private static long lastPid(ProcFs proc) {
    assertTrue(proc.load("loadavg"));
    return KernelText.lastPid(proc.cursor());
  }

  private static boolean listed(List<Snapshot.Proc> procs, long pid) {
    return procs.stream().anyMatch(p -> p.pid() == pid);
  }
}
