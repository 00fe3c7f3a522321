package dev.shellcamp.monitor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes snapshots. Every call reads the cheap, fast-changing things straight from /proc (CPU,
 * memory, processes, disk and network counters); the slow or costly ones are refreshed less
 * often and reused in between: file systems every 5th call, the cgroup every 5th, the GPU every
 * 3rd, and OSHI's socket-to-process mapping (a walk of every process's fds) only when the set of
 * listening sockets changed or an owner ended. That set is asked of the kernel over netlink on
 * every call, or, where netlink is refused, read from /proc/net/tcp now and then.
 */
public final class Sampler implements AutoCloseable {
  private static final int HISTORY = 120;

  private final ProcFs proc;
  private final ProcessTable processes;
  private final Cgroup cgroup;
  private final NvidiaSmi smi;
  private final OshiParts oshi;
  /** The kernel's listening sockets over netlink; null where it is refused (then /proc/net/tcp). */
  private final ListenSockets listening;
  private final String host;
  private final String os;
  private final String model;
  private final ArrayDeque<Double> history = new ArrayDeque<>();
  private List<KernelText.Ticks> lastTicks = List.of();
  private Map<String, long[]> lastDisks = Map.of();
  private Map<String, long[]> lastNets = Map.of();
  private long lastNanos;
  private long calls;
  private List<Snapshot.Fs> filesystems = List.of();
  private Snapshot.Limits limits = Snapshot.Limits.NONE;
  private Snapshot.GpuPanel gpu = Snapshot.GpuPanel.UNKNOWN;
  private List<OshiParts.Socket> sockets = List.of();
  private String listenSignature = "";
  private String socketCounts = "";
  private boolean portsPending;
  private long portsCheckedAt;
  private long portsBackoff = 1;
  /** A one-off snapshot reads kernel threads every time; the screen, refreshing, may skip them. */
  private final boolean everyProcess;

  /** The machine we run on. Creating OSHI's objects is the slow part (≈ 0.1-0.4 s): call it off the render thread. */
  public Sampler() {
    this(false);
  }

  private Sampler(boolean everyProcess) {
    this(everyProcess, true);
  }

  /** {@code netlink} false: the /proc/net/tcp way only, as where netlink is refused (tests). */
  Sampler(boolean everyProcess, boolean netlink) {
    this.everyProcess = everyProcess;
    this.listening = netlink ? ListenSockets.open() : null;
    this.proc = new ProcFs(Path.of("/proc"));
    this.oshi = new OshiParts();
    this.processes = new ProcessTable(proc, oshi.pageSize(), new ProcessTable.Users(Path.of("/etc/passwd")));
    this.cgroup = Cgroup.system();
    this.smi = NvidiaSmi.onPath();
    this.host = proc.load("sys/kernel/hostname") ? proc.text().strip() : "?";
    this.os = osName();
    this.model = cpuModel();
  }

  /** One snapshot after a window of {@code window}: rates and process CPU need two readings. */
  public static Snapshot once(Duration window) throws InterruptedException {
    try (Sampler s = new Sampler(true)) {
      s.sample();
      Thread.sleep(Math.max(50, window.toMillis()));
      return s.sample();
    }
  }

  /** Closes the /proc files kept open between samples. */
  @Override
  public synchronized void close() {
    proc.close();
    cgroup.close();
    if (listening != null) {
      listening.close();
    }
  }

  public synchronized Snapshot sample() {
    long now = System.nanoTime();
    double seconds = lastNanos == 0 ? 0 : (now - lastNanos) / 1e9;
    lastNanos = now;

    List<KernelText.Ticks> ticks = proc.reload("stat") ? KernelText.cpu(proc.cursor()) : List.of();
    double total = 0;
    List<Double> cores = new ArrayList<>();
    double coreClock = ticks.isEmpty() ? 0 : (double) ticks.get(0).total() / Math.max(1, ticks.size() - 1);
    if (ticks.size() == lastTicks.size() && !ticks.isEmpty()) {
      total = ticks.get(0).busySince(lastTicks.get(0));
      for (int i = 1; i < ticks.size(); i++) {
        cores.add(ticks.get(i).busySince(lastTicks.get(i)));
      }
    } else {
      for (int i = 1; i < ticks.size(); i++) {
        cores.add(0.0);
      }
    }
    lastTicks = ticks;
    if (seconds > 0) {
      history.addLast(total);
      while (history.size() > HISTORY) {
        history.removeFirst();
      }
    }

    Snapshot.Memory mem = proc.reload("meminfo") ? KernelText.memory(proc.cursor()) : new Snapshot.Memory(0, 0, 0, 0);
    List<Double> load = List.of();
    long lastPid = -1;
    if (proc.reload("loadavg")) {
      load = KernelText.load(proc.cursor());
      lastPid = KernelText.lastPid(proc.cursor());
    }
    double uptime = proc.reload("uptime") ? KernelText.uptime(proc.cursor()) : 0;

    Map<String, long[]> disks = proc.reload("diskstats") ? KernelText.disks(proc.cursor()) : Map.of();
    disks.keySet().removeIf(n -> !WholeDisks.is(n));
    List<Snapshot.Rate> diskRates = rates(disks, lastDisks, seconds);
    lastDisks = disks;
    Map<String, long[]> nets = proc.reload("net/dev") ? KernelText.networks(proc.cursor()) : Map.of();
    List<Snapshot.Rate> netRates = rates(nets, lastNets, seconds);
    lastNets = nets;

    List<Snapshot.Proc> procs = everyProcess ? processes.readAll(coreClock) : processes.read(coreClock, lastPid);

    if (calls % 5 == 0) {
      filesystems = oshi.filesystems(proc.reload("self/mounts") ? proc.hash() : 0);
      limits = cgroup.read();
    }
    if (calls % 3 == 0) {
      gpu = smi == null ? Snapshot.GpuPanel.ABSENT : smi.query();
    }
    Map<Long, String> names = new HashMap<>();
    for (Snapshot.Proc p : procs) {
      names.put(p.pid(), p.name());
    }
    String signature = listening == null ? null : listening.signature();
    if (signature == null) {
      signature = signatureNowAndThen();
    }
    // OSHI's owner lookup walks every process's fds (≈ 16-25 ms): only when a listening socket
    // came, went or lost its owner
    if (signature != null && (!signature.equals(listenSignature) || ownerGone(names))) {
      sockets = oshi.listening();
      listenSignature = signature;
    }
    calls++;

    List<Snapshot.Listener> listeners = new ArrayList<>();
    for (OshiParts.Socket s : sockets) {
      listeners.add(new Snapshot.Listener(s.protocol(), s.address(), s.port(), s.pid(),
          s.pid() < 0 ? "?" : names.getOrDefault(s.pid(), "?")));
    }

    return new Snapshot(true, System.currentTimeMillis(), host, os, uptime, List.copyOf(load),
        new Snapshot.Cpu(total, List.copyOf(cores), List.copyOf(history), model), mem, filesystems,
        List.copyOf(diskRates), List.copyOf(netRates), List.copyOf(procs), List.copyOf(listeners), limits, gpu);
  }

  private static List<Snapshot.Rate> rates(Map<String, long[]> now, Map<String, long[]> before, double seconds) {
    List<Snapshot.Rate> out = new ArrayList<>();
    for (Map.Entry<String, long[]> e : now.entrySet()) {
      long[] b = before.get(e.getKey());
      if (b == null || seconds <= 0) {
        out.add(new Snapshot.Rate(e.getKey(), 0, 0));
      } else {
        long[] n = e.getValue();
        out.add(new Snapshot.Rate(e.getKey(), Math.max(0, n[0] - b[0]) / seconds, Math.max(0, n[1] - b[1]) / seconds));
      }
    }
    return out;
  }

  /**
   * Without netlink: the listening sockets from /proc/net/tcp and tcp6, which walk the kernel's
   * whole connection hash table (≈ 5 ms each here), so only after the TCP socket counts in
   * /proc/net/sockstat moved, and every 30th call anyway. Busy clients move the counts every
   * second, so the wait between two looks doubles (up to 16 calls) while they keep moving and
   * drops back to none once they rest. Null when this call does not look.
   */
  private String signatureNowAndThen() {
    String counts = socketCounts();
    boolean moved = !counts.equals(socketCounts);
    socketCounts = counts;
    portsPending |= moved;
    if (!moved && !portsPending) {
      portsBackoff = 1;
    }
    if (calls % 30 != 0 && !(portsPending && calls - portsCheckedAt >= portsBackoff)) {
      return null;
    }
    portsCheckedAt = calls;
    portsPending = false;
    portsBackoff = Math.min(16, portsBackoff * 2);
    return listenSignature();
  }

  /** A listening socket whose owner ended (a server whose parent kept the socket): OSHI must look again. */
  private boolean ownerGone(Map<Long, String> alive) {
    for (OshiParts.Socket s : sockets) {
      if (s.pid() >= 0 && !alive.containsKey(s.pid())) {
        return true;
      }
    }
    return false;
  }

  /** "TCP: inuse N" and "TCP6: inuse N": a socket that starts or stops listening changes them. */
  private String socketCounts() {
    StringBuilder b = new StringBuilder();
    for (String f : new String[] {"net/sockstat", "net/sockstat6"}) {
      if (proc.load(f)) {
        for (String line : proc.text().split("\n")) {
          if (line.startsWith("TCP")) {
            int end = line.indexOf(" orphan");
            b.append(end < 0 ? line : line.substring(0, end)).append(';');
          }
        }
      }
    }
    return b.toString();
  }

  /** The listening sockets' local address and inode, from /proc/net/tcp and tcp6: cheap to read every time. */
  private String listenSignature() {
    StringBuilder b = new StringBuilder();
    for (String f : new String[] {"net/tcp", "net/tcp6"}) {
      if (!proc.load(f)) {
        continue;
      }
      Cursor c = proc.cursor();
      for (c.nextLine(); c.more(); c.nextLine()) { // past the header
        c.skip(); // "sl:"
        String local = c.word();
        c.skip(); // remote address
        if (!c.word().equals("0A")) {
          continue; // not listening
        }
        for (int i = 0; i < 5; i++) {
          c.skip(); // tx:rx queues, timer, retransmits, uid, timeout
        }
        b.append(local).append('/').append(c.word()).append(' ');
      }
    }
    return b.toString();
  }

  private String osName() {
    try {
      for (String line : java.nio.file.Files.readAllLines(Path.of("/etc/os-release"))) {
        if (line.startsWith("PRETTY_NAME=")) {
          return line.substring(12).replace("\"", "");
        }
      }
    } catch (java.io.IOException e) {
      // fall through to the JVM's idea
    }
    return System.getProperty("os.name") + " " + System.getProperty("os.version");
  }

  private String cpuModel() {
    if (proc.load("cpuinfo")) {
      for (String line : proc.text().split("\n")) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    }
    return "";
  }

  /** /proc/diskstats lists partitions and loop devices too; the whole disks are the ones in /sys/block. */
  private static final class WholeDisks {
    private static final Map<String, Boolean> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

    static boolean is(String name) {
      return KNOWN.computeIfAbsent(name, n -> !n.startsWith("loop") && !n.startsWith("ram")
          && new java.io.File("/sys/block/" + n).exists());
    }
  }
}
