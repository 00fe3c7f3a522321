package dev.shellcamp.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.ui.Messages;
import dev.shellcamp.ui.Theme;
import dev.shellcamp.ui.Width;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Snapshot + view → rows: never wider or taller than the terminal, in both languages, with and without colour. */
class RendererTest {
  /** A big machine: 64 cores, four GPUs (one reporting [N/A]), a cgroup limit, long commands, Korean in a path. */
  static Snapshot rich() {
    List<Double> cores = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      cores.add((i * 37) % 101 * 1.0);
    }
    List<Snapshot.Proc> procs = new ArrayList<>();
    procs.add(new Snapshot.Proc(1, 0, "root", 'S', 0.0, 12 << 20, "init", "/sbin/init"));
    procs.add(new Snapshot.Proc(4242, 1, "learner", 'R', 99.7, 300L << 20, "python3",
        "python3 /home/learner/프로젝트/train.py --epochs 100 --batch-size 512 --data /srv/data/very/long/path/to/the/dataset"));
    procs.add(new Snapshot.Proc(4300, 4242, "learner", 'S', 0.3, 20L << 20, "sleep", "sleep 60"));
    procs.add(new Snapshot.Proc(2, 0, "root", 'S', 0, 0, "kthreadd", "[kthreadd]"));
    for (int i = 0; i < 60; i++) {
      procs.add(new Snapshot.Proc(5000 + i, 1, "www-data", 'S', i % 7, (long) i << 20, "nginx", "nginx: worker process"));
    }
    List<Snapshot.Gpu> gpus = List.of(new Snapshot.Gpu(0, "NVIDIA H100 80GB HBM3", 45.0, 10240L, 81559L, 54.0),
        new Snapshot.Gpu(1, "NVIDIA H100 80GB HBM3", null, null, 81559L, null));
    List<Snapshot.Listener> ports = new ArrayList<>();
    for (int p = 8000; p < 8030; p++) {
      ports.add(new Snapshot.Listener("tcp4", "0.0.0.0", p, p, "uvicorn"));
    }
    ports.add(new Snapshot.Listener("tcp6", "[::]", 22, -1, "?"));
    return new Snapshot(true, 0, "gpu-node-17.example.internal", "Ubuntu 22.04.4 LTS", 3 * 86400 + 3723,
        List.of(63.5, 60.1, 55.0), new Snapshot.Cpu(87.5, cores, List.of(10.0, 50.0, 90.0, 100.0), "AMD EPYC 9654"),
        new Snapshot.Memory(512L << 30, 100L << 30, 8L << 30, 6L << 30),
        List.of(new Snapshot.Fs("/dev/nvme0n1p2", "/", "ext4", 2L << 40, 1L << 40, 900L << 30),
            new Snapshot.Fs("/dev/md127", "/srv/데이터", "xfs", 20L << 40, 2L << 40, 18L << 40)),
        List.of(new Snapshot.Rate("nvme0n1", 1.5e9, 2e8), new Snapshot.Rate("md127", 0, 0)),
        List.of(new Snapshot.Rate("lo", 1e3, 1e3), new Snapshot.Rate("eth0", 1.25e9, 3e6)), procs, ports,
        new Snapshot.Limits(true, 2, 16.0, 64L << 30, 48L << 30), new Snapshot.GpuPanel(gpus, null));
  }

  @ParameterizedTest
  @CsvSource({"80,24,en,true", "120,40,en,true", "80,24,ko,true", "120,40,ko,false", "80,24,ko,false", "20,5,en,true",
      "200,60,ko,true"})
  void neverWiderOrTallerThanTheTerminal(int width, int height, String lang, boolean color) throws Exception {
    Renderer r = new Renderer(new Theme(color), Messages.of(lang));
    for (Snapshot s : List.of(rich(), Snapshot.pending(), Sampler.once(java.time.Duration.ofMillis(200)))) {
      for (View v : List.of(View.START, View.START.tree(true), View.START.mode(View.Mode.FILTER, "파이썬"),
          View.START.select(4242).mode(View.Mode.CONFIRM_KILL, ""), View.START.filter("nothing-matches-this"))) {
        List<String> lines = r.render(s, v, width, height);
        assertTrue(lines.size() <= height, lines.size() + " rows for " + height);
        for (String l : lines) {
          assertTrue(Width.of(l) <= width, "row of " + Width.of(l) + " columns at " + width + ": " + l);
          if (!color) {
            assertFalse(l.contains("\u001b"), "NO_COLOR row with an escape: " + l);
          }
        }
      }
    }
  }

  @Test
  void showsEveryPanelAt120Columns() {
    String all = String.join("\n", new Renderer(new Theme(false), Messages.of("en")).render(rich(), View.START, 120, 40));
    for (String want : new String[] {"gpu-node-17", "up 3d 01:02:03", "load 63.50 60.10 55.00", "87.5%", "Mem", "Swap",
        "cgroup v2 limits:", "16.00 cores", "48.0G/64.0G", "/srv/데이터", "/dev/md127", "nvme0n1 r 1.4G/s",
        "eth0 ↓1.2G/s", "GPU0", "NVIDIA H100 80GB HBM3", "54°C", "N/A", "8000 uvicorn(8000)", "22 ?", "python3 /home/learner"}) {
      assertTrue(all.contains(want), "missing \"" + want + "\" in:\n" + all);
    }
    assertFalse(all.contains("[kthreadd]"), "kernel threads are hidden");
    String[] rows = all.split("\n");
    int busy = indexOf(rows, "python3 /home");
    int idle = indexOf(rows, "nginx: worker");
    assertTrue(busy < idle, "sorted by current CPU:\n" + all);
  }

  @Test
  void treeViewIndentsChildrenUnderTheirParent() {
    String all = String.join("\n", new Renderer(new Theme(false), Messages.of("en")).render(rich(), View.START.tree(true), 120, 80));
    assertTrue(all.contains(" \\_ python3"), all);
    assertTrue(all.contains("     \\_ sleep 60"), all);
  }

  @Test
  void noGpuSaysSoAndTheFooterAsksBeforeKilling() {
    Snapshot s = rich();
    s = new Snapshot(true, 0, s.host(), s.os(), 1, s.load(), s.cpu(), s.memory(), s.filesystems(), s.disks(), s.networks(),
        s.processes(), List.of(), Snapshot.Limits.NONE, Snapshot.GpuPanel.ABSENT);
    Renderer r = new Renderer(new Theme(false), Messages.of("en"));
    List<String> lines = r.render(s, View.START.select(4300).mode(View.Mode.CONFIRM_KILL, ""), 100, 30);
    String all = String.join("\n", lines);
    assertTrue(all.contains("GPU  no GPU found"), all);
    assertTrue(all.contains("nothing listening on TCP"), all);
    assertEquals("Send SIGTERM to 4300 (sleep 60)? y/N", lines.get(lines.size() - 1).strip());
    String ko = String.join("\n", new Renderer(new Theme(false), Messages.of("ko")).render(s, View.START, 100, 30));
    assertTrue(ko.contains("GPU를 찾지 못했어요"), ko);
  }

  @Test
  void keptPanelsFollowANewSnapshotAndANewWidth() {
    Snapshot s = rich();
    Renderer r = new Renderer(new Theme(false), Messages.of("en"));
    String first = String.join("\n", r.render(s, View.START, 120, 80));
    assertTrue(first.contains("GPU0") && first.contains("/srv/데이터"), first);
    Snapshot later = new Snapshot(true, 0, s.host(), s.os(), 1, s.load(), s.cpu(), s.memory(),
        List.of(new Snapshot.Fs("/dev/sdb1", "/mnt/usb", "vfat", 1L << 30, 1L << 29, 1L << 29)), s.disks(), s.networks(),
        s.processes(), s.listeners(), Snapshot.Limits.NONE, Snapshot.GpuPanel.ABSENT);
    String second = String.join("\n", r.render(later, View.START, 120, 80));
    assertTrue(second.contains("/mnt/usb"), second);
    assertFalse(second.contains("/srv/데이터"), second);
    assertTrue(second.contains("no GPU found") && !second.contains("GPU0"), second);
    assertFalse(second.contains("cgroup v2 limits"), second);
    for (String row : r.render(later, View.START, 50, 80)) {
      assertTrue(Width.of(row) <= 50, row);
    }
  }

  @Test
  void theFirstFrameSaysItIsSampling() {
    List<String> lines = new Renderer(new Theme(false), Messages.of("en")).render(Snapshot.pending(), View.START, 80, 24);
    assertEquals(24, lines.size());
    assertEquals("sampling…", lines.get(1));
  }

  private static int indexOf(String[] rows, String s) {
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].contains(s)) {
        return i;
      }
    }
    throw new AssertionError(s + " not shown");
  }
}
