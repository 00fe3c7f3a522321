package dev.shellcamp.bench;

import dev.shellcamp.monitor.Renderer;
import dev.shellcamp.monitor.Sampler;
import dev.shellcamp.monitor.Snapshot;
import dev.shellcamp.ui.Messages;
import dev.shellcamp.ui.Theme;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Where the monitor's CPU goes, in process: thread CPU time of one sample and of one frame's
 * rendering, after warm-up. scripts/bench-monitor.py measures the whole process on a PTY.
 */
public final class MonitorBench {
  private MonitorBench() {}

  public static void main(String[] args) throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Sampler s = new Sampler();
    Renderer r = new Renderer(new Theme(true), Messages.of("en"));
    Snapshot snap = s.sample();
    int warm = 200;
    int n = 200;
    for (int i = 0; i < warm; i++) {
      snap = s.sample();
      r.once(snap, 120, 30);
    }
    long c0 = mx.getCurrentThreadCpuTime();
    for (int i = 0; i < n; i++) {
      snap = s.sample();
    }
    long c1 = mx.getCurrentThreadCpuTime();
    for (int i = 0; i < n; i++) {
      r.once(snap, 120, 30);
    }
    long c2 = mx.getCurrentThreadCpuTime();
    System.out.printf("monitor_sample_cpu_ms=%.3f monitor_render_cpu_ms=%.3f processes=%d%n",
        (c1 - c0) / 1e6 / n, (c2 - c1) / 1e6 / n, snap.processes().size());
  }
}
