package dev.shellcamp.monitor;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import oshi.SystemInfo;
import oshi.software.os.InternetProtocolStats.IPConnection;
import oshi.software.os.InternetProtocolStats.TcpState;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * The machine's state as checks ask about it: processes by name or command line, listening
 * TCP ports with their owner, process trees, free disk space. One snapshot of the process
 * table per call, so a question is answered from one consistent view.
 */
public final class Machine {
  /** One live process; {@code name} is the kernel's short name (15 chars at most on Linux). */
  public record Proc(long pid, long ppid, String name, String commandLine) {
    /** The command line as a learner would recognise it; the short name when it is unreadable. */
    public String shown() {
      return commandLine.isBlank() ? name : commandLine;
    }
  }

  /** A TCP socket in LISTEN state on {@code port}; {@code pid} is -1 where /proc would not say. */
  public record Listener(int port, String address, long pid) {}

  private final OperatingSystem os;
  private final Map<Long, Proc> procs = new HashMap<>();

  private Machine(OperatingSystem os) {
    this.os = os;
    long self = ProcessHandle.current().pid();
    for (OSProcess p : os.getProcesses(p -> p.getState() != OSProcess.State.ZOMBIE
        && p.getState() != OSProcess.State.INVALID, null, 0)) {
      if (p.getProcessID() != self && !dead(p.getProcessID())) {
        procs.put((long) p.getProcessID(), new Proc(p.getProcessID(), p.getParentProcessID(), p.getName(),
            p.getCommandLine().strip()));
      }
    }
  }

  private static final class Holder {
    // OSHI costs ≈ 120 ms on first use: only a check or the monitor that needs it pays
    static final OperatingSystem OS = new SystemInfo().getOperatingSystem();
  }

  /** A fresh view of the machine (processes read now). */
  public static Machine now() {
    return new Machine(Holder.OS);
  }

  public List<Proc> processes() {
    return List.copyOf(procs.values());
  }

  public Optional<Proc> process(long pid) {
    return Optional.ofNullable(procs.get(pid));
  }

  /**
   * Processes called {@code name}: the kernel's name (which a #! script gets from its file name),
   * or the file name of the first word of the command line.
   */
  public List<Proc> named(String name) {
    String shortName = name.length() > 15 ? name.substring(0, 15) : name;
    return sorted(procs.values().stream().filter(p -> p.name().equals(name) || p.name().equals(shortName)
        || argv0(p.commandLine()).equals(name)).toList());
  }

  /** Processes whose command line (words joined by spaces) contains a match for {@code regex}. */
  public List<Proc> matching(Pattern regex) {
    return sorted(procs.values().stream().filter(p -> regex.matcher(p.commandLine()).find()).toList());
  }

  /** Every process below {@code pid}, children first. */
  public List<Proc> descendants(long pid) {
    List<Proc> out = new ArrayList<>();
    List<Long> todo = new ArrayList<>(List.of(pid));
    Set<Long> seen = new LinkedHashSet<>(todo);
    while (!todo.isEmpty()) {
      long parent = todo.remove(0);
      for (Proc p : procs.values()) {
        if (p.ppid() == parent && seen.add(p.pid())) {
          out.add(p);
          todo.add(p.pid());
        }
      }
    }
    return out;
  }

  /** {@code pid}'s parent, grandparent, ... up to (not including) init. */
  public List<Proc> ancestors(long pid) {
    List<Proc> out = new ArrayList<>();
    Proc p = procs.get(pid);
    Set<Long> seen = new LinkedHashSet<>();
    while (p != null && p.ppid() > 1 && seen.add(p.ppid())) {
      p = procs.get(p.ppid());
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  /** TCP sockets listening on {@code port}, IPv4 and IPv6, with their owning process. */
  public List<Listener> listeners(int port) {
    List<Listener> out = new ArrayList<>();
    for (IPConnection c : os.getInternetProtocolStats().getConnections()) {
      if (c.getType().startsWith("tcp") && c.getState() == TcpState.LISTEN && c.getLocalPort() == port) {
        out.add(new Listener(port, address(c.getLocalAddress()), c.getowningProcessId()));
      }
    }
    return out;
  }

  /** Bytes an unprivileged user may still write on the filesystem that holds {@code path}. */
  public static long freeBytes(Path path) throws IOException {
    Path p = path.toAbsolutePath();
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    FileStore store = Files.getFileStore(p == null ? Path.of("/") : p);
    return store.getUsableSpace();
  }

  /**
   * Those of {@code procs} still running after up to {@code grace}: a process that was just sent
   * a signal by the command before the check may need a moment to end. Reads only their /proc
   * entries, every 10 ms, and returns as soon as all are gone.
   */
  public static List<Proc> stillRunningAfter(List<Proc> procs, java.time.Duration grace) {
    long until = System.nanoTime() + grace.toNanos();
    List<Proc> alive = procs;
    while (true) {
      alive = alive.stream().filter(p -> !dead((int) p.pid())).toList();
      if (alive.isEmpty() || System.nanoTime() >= until) {
        return alive;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return alive;
      }
    }
  }

  /**
   * A zombie (killed, not yet reaped: here init may leave one for seconds) is not running, but
   * OSHI may not report it as one; /proc says for sure.
   */
  private static boolean dead(int pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state == 'Z' || state == 'X' || state == 'x';
    } catch (IOException | RuntimeException e) {
      return Files.isDirectory(Path.of("/proc"));
    }
  }

  private static String argv0(String commandLine) {
    int sp = commandLine.indexOf(' ');
    String first = sp < 0 ? commandLine : commandLine.substring(0, sp);
    return first.substring(first.lastIndexOf('/') + 1);
  }

  private static List<Proc> sorted(List<Proc> ps) {
    return ps.stream().sorted(java.util.Comparator.comparingLong(Proc::pid)).toList();
  }

  private static String address(byte[] a) {
    if (a == null || a.length == 0) {
      return "*";
    }
    try {
      return java.net.InetAddress.getByAddress(a).getHostAddress();
    } catch (java.net.UnknownHostException e) {
      return "?";
    }
  }
}
