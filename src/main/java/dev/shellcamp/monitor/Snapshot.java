package dev.shellcamp.monitor;

import java.util.List;

/**
 * One reading of the whole machine. Immutable: the sampler thread makes it, the render thread
 * and --json read it. Rates are per second over the last sampling window; process CPU is the
 * share of one core over that window (htop's convention), not the lifetime average.
 */
public record Snapshot(
    boolean ready, long takenAtMillis, String host, String os, double uptimeSeconds, List<Double> load,
    Cpu cpu, Memory memory, List<Fs> filesystems, List<Rate> disks, List<Rate> networks,
    List<Proc> processes, List<Listener> listeners, Limits limits, GpuPanel gpu) {

  /** The frame before the first sample is in: OSHI's first call takes a while. */
  static Snapshot pending() {
    return new Snapshot(false, System.currentTimeMillis(), "", "", 0, List.of(), new Cpu(0, List.of(), List.of(), ""),
        new Memory(0, 0, 0, 0), List.of(), List.of(), List.of(), List.of(), List.of(), Limits.NONE, GpuPanel.UNKNOWN);
  }

  /** Total CPU busy share (0-100) over the window, per core, the recent history and the model name. */
  public record Cpu(double total, List<Double> cores, List<Double> history, String model) {}

  /** Bytes. "Used" is total minus available, as free(1) counts it. */
  public record Memory(long total, long available, long swapTotal, long swapFree) {
    public long used() {
      return total - available;
    }

    public long swapUsed() {
      return swapTotal - swapFree;
    }
  }

  /** One row per device: where it is mounted (the shortest mount point), sizes in bytes as df(1) reports them. */
  public record Fs(String device, String mount, String type, long total, long free, long available) {
    public long used() {
      return total - free;
    }
  }

  /** Bytes per second in and out: read/write for a disk, receive/send for a network interface. */
  public record Rate(String name, double in, double out) {}

  /** A process; cpu is percent of one core over the last window, rss in bytes. */
  public record Proc(long pid, long ppid, String user, char state, double cpu, long rss, String name, String command) {}

  /** A listening TCP socket and who owns it (pid -1 where /proc does not say). */
  public record Listener(String protocol, String address, int port, long pid, String command) {}

  /**
   * The cgroup this process lives in: CPU quota in cores (NaN: none) and memory limit in bytes
   * (-1: none). Inside a container these, not the host's totals, are what a program can use.
   */
  public record Limits(boolean container, int cgroupVersion, double cpuCores, long memoryLimit, long memoryUsed) {
    static final Limits NONE = new Limits(false, 0, Double.NaN, -1, -1);

    public boolean any() {
      return !Double.isNaN(cpuCores) || memoryLimit >= 0;
    }
  }

  /** What nvidia-smi said: the GPUs, or why there are none ("absent": no nvidia-smi). */
  public record GpuPanel(List<Gpu> gpus, String problem) {
    static final GpuPanel UNKNOWN = new GpuPanel(List.of(), null);
    static final GpuPanel ABSENT = new GpuPanel(List.of(), "absent");
  }

  /** One GPU; a null field is one nvidia-smi reported as "[N/A]". Memory in MiB, temperature in °C. */
  public record Gpu(int index, String name, Double utilization, Long memoryUsedMiB, Long memoryTotalMiB, Double temperature) {}
}
