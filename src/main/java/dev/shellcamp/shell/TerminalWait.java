package dev.shellcamp.shell;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tells, on Linux through /proc, whether the command now running in an interactive bash is
 * blocked waiting for keyboard input from its terminal: what a non-interactive run (where nobody
 * can type) needs to end {@code cat}, {@code more}, {@code less}, {@code vi}, {@code read x} or
 * {@code python3 -c 'input()'} at once instead of at the time limit.
 *
 * <p>A process of the terminal's foreground process group counts as waiting when it sleeps
 * (state S) in
 * <ul>
 *   <li>{@code read}/{@code readv} on a descriptor that is the terminal (cat, sort, ed, less on
 *       /dev/tty, Python's {@code input()}, password prompts), or
 *   <li>{@code select}/{@code pselect6}, {@code poll}/{@code ppoll} or {@code epoll_wait} with no
 *       timeout, whose descriptor set (read from /proc/PID/mem, or /proc/PID/fdinfo for epoll)
 *       asks to read the terminal and holds nothing else but the terminal and signalfds (more,
 *       vim once its 'updatetime' has passed, readline programs: a nested bash, bc, the Python
 *       REPL).
 * </ul>
 * Anything else does not count: sleeping, computing, reading a pipe, file or socket, a wait
 * with a timeout (so {@code read -t 5}, but also top, which refreshes), a wait on the terminal
 * and on something else (Node's event loop, ssh, script). False positives would kill a
 * merely slow command, so every doubt answers "not waiting", as does an unreadable /proc file.
 *
 * <p>bash itself: at its prompt readline waits in {@code pselect6}, while the {@code read}
 * builtin (and {@code select}) calls {@code read(2)} for up to 4096 bytes, so a {@code read(2)}
 * of more than one byte on the terminal by bash means {@code read}. One-byte reads ({@code read
 * -n1}, {@code -N}, {@code -d}, and the tutor's own timed drain after each command) are left out
 * because readline before 7.0 (bash 4.3 and older) reads its prompt's keys that way; {@code
 * read -e}, which is readline, is not seen either.
 *
 * <p>Other limits: only the main thread of a process is looked at (a Go or Java program
 * reading the terminal from another thread is not seen); a process whose other thread would end
 * it (an {@code input()} with a timer thread) is taken as waiting; only x86_64 and aarch64
 * syscall numbers are known.
 *
 * <p>Cost: a walk of bash's process tree (/proc/PID/task/TID/children) and a few /proc reads
 * per process of the job: 0.1 to 0.2 ms a call with 400 processes on the machine, a figure that
 * does not grow with them (JDK 17, x86_64, warm). Where the kernel has no children files every
 * /proc/PID/stat is read instead: about 4.5 to 5 ms with 400 processes.
 */
final class TerminalWait {
  /** A process blocked reading the terminal: its pid and its name from /proc/PID/comm. */
  record Waiter(long pid, String command) {}

  private static final Path PROC = Path.of("/proc");
  private static final int POLLIN = 0x1;
  private static final int POLLRDNORM = 0x40;
  /** FD_SETSIZE: more descriptors in one wait are not an interactive program waiting for a key. */
  private static final int MAX_FDS = 1024;
  /** A bound on the process tree walked, should /proc change under the walk without end. */
  private static final int MAX_TREE = 10_000;
  private static final boolean HAS_CHILDREN = Files.isReadable(
      Path.of("/proc/self/task/" + ProcessHandle.current().pid() + "/children"));

  /** Syscall numbers of the waits that matter, -1 where the architecture has none. */
  record Calls(int read, int readv, int pread64, int select, int pselect6, int poll,
      int ppoll, int epollWait, int epollPwait, int epollPwait2) {}

  static final Calls CALLS = switch (System.getProperty("os.arch", "")) {
    case "amd64", "x86_64" -> new Calls(0, 19, 17, 23, 270, 7, 271, 232, 281, 441);
    case "aarch64", "arm64" -> new Calls(63, 65, 67, -1, 72, -1, 73, -1, 22, 441);
    default -> null;
  };

  private TerminalWait() {}

  /**
   * The process of {@code shellPid}'s foreground job that is blocked reading its terminal, if
   * one is; empty when none is, or when this cannot be known (not Linux, unknown architecture,
   * /proc unreadable, bash gone).
   */
  static Optional<Waiter> find(long shellPid) {
    if (CALLS == null) {
      return Optional.empty();
    }
    long[] shell = stat(shellPid);
    if (shell == null || shell[TTY] == 0 || shell[TPGID] <= 0) {
      return Optional.empty();
    }
    long tty = shell[TTY];
    long fg = shell[TPGID];
    for (long pid : candidates(shellPid)) {
      long[] s = pid == shellPid ? shell : stat(pid);
      if (s != null && s[PGRP] == fg && s[STATE] == 'S'
          && waitsOnTerminal(pid, tty, pid == shellPid)) {
        return Optional.of(new Waiter(pid, comm(pid)));
      }
    }
    return Optional.empty();
  }

  /**
   * bash and its descendants, which hold its foreground job: a job's processes are forked by bash
   * or by each other, and one that leaves the process tree also leaves the terminal's foreground
   * (its job ends, bash takes the terminal back). Walking the tree costs a few reads where
   * reading every /proc/PID/stat costs about 7 us a process; without /proc/PID/task/TID/children
   * (CONFIG_PROC_CHILDREN) every process is a candidate.
   */
  private static List<Long> candidates(long shellPid) {
    List<Long> pids = new ArrayList<>();
    if (!HAS_CHILDREN) {
      String[] names = PROC.toFile().list();
      for (String name : names == null ? new String[0] : names) {
        long pid = pidOf(name);
        if (pid > 0) {
          pids.add(pid);
        }
      }
      return pids;
    }
    pids.add(shellPid);
    for (int i = 0; i < pids.size() && pids.size() < MAX_TREE; i++) {
      String task = "/proc/" + pids.get(i) + "/task";
      String[] tids = new File(task).list(); // a thread's children are listed under that thread
      for (String tid : tids == null ? new String[0] : tids) {
        try {
          Path children = Path.of(task, tid, "children");
          for (String child : Files.readString(children, StandardCharsets.US_ASCII).split(" ")) {
            long pid = pidOf(child);
            if (pid > 0) {
              pids.add(pid);
            }
          }
        } catch (IOException | RuntimeException e) {
          // the thread or process has gone
        }
      }
    }
    return pids;
  }

  private static boolean waitsOnTerminal(long pid, long tty, boolean isShell) {
    long[] sc = syscall(pid);
    if (sc == null) {
      return false;
    }
    int nr = (int) sc[0];
    long a0 = sc[1];
    long a1 = sc[2];
    long a2 = sc[3];
    long a3 = sc[4];
    long a4 = sc[5];
    if (isShell) {
      // readline's prompt waits in pselect6 (or, before readline 7, in one-byte reads): only a
      // longer read(2) is surely the read builtin
      return nr == CALLS.read() && a2 > 1 && isTerminal(pid, a0, tty);
    }
    if (nr == CALLS.read() || nr == CALLS.readv() || nr == CALLS.pread64()) {
      return isTerminal(pid, a0, tty);
    }
    if (nr == CALLS.select() || nr == CALLS.pselect6()) {
      return a4 == 0 && selectWaitsOnTerminal(pid, (int) a0, a1, a2, a3, tty);
    }
    if (nr == CALLS.poll() || nr == CALLS.ppoll()) {
      boolean forever = nr == CALLS.poll() ? (int) a2 < 0 : a2 == 0;
      return forever && pollWaitsOnTerminal(pid, a0, a1, tty);
    }
    if (nr == CALLS.epollWait() || nr == CALLS.epollPwait() || nr == CALLS.epollPwait2()) {
      boolean forever = nr == CALLS.epollPwait2() ? a3 == 0 : (int) a3 < 0;
      return forever && epollWaitsOnTerminal(pid, a0, tty);
    }
    return false;
  }

  private static boolean selectWaitsOnTerminal(long pid, int nfds, long readfds, long writefds,
      long exceptfds, long tty) {
    if (nfds <= 0 || nfds > MAX_FDS || readfds == 0) {
      return false;
    }
    // the kernel copies whole longs of each set
    int bytes = (nfds + 63) / 64 * 8;
    ByteBuffer in = mem(pid, readfds, bytes);
    ByteBuffer out = writefds == 0 ? null : mem(pid, writefds, bytes);
    ByteBuffer ex = exceptfds == 0 ? null : mem(pid, exceptfds, bytes);
    if (in == null || writefds != 0 && out == null || exceptfds != 0 && ex == null) {
      return false;
    }
    Watched w = new Watched(pid, tty);
    for (int fd = 0; fd < nfds && !w.elsewhere(); fd++) {
      boolean reads = isSet(in, fd);
      if (reads || isSet(out, fd) || isSet(ex, fd)) {
        w.add(fd, reads);
      }
    }
    return w.readsOnlyTerminal();
  }

  private static boolean isSet(ByteBuffer set, int fd) {
    // fd_set is an array of longs: on little-endian x86_64 and aarch64, bit fd of the bytes
    return set != null && (set.get(fd >> 3) & (1 << (fd & 7))) != 0;
  }

  private static boolean pollWaitsOnTerminal(long pid, long fds, long nfds, long tty) {
    if (nfds <= 0 || nfds > MAX_FDS) {
      return false;
    }
    // struct pollfd { int fd; short events; short revents; }
    ByteBuffer b = mem(pid, fds, (int) nfds * 8);
    if (b == null) {
      return false;
    }
    Watched w = new Watched(pid, tty);
    for (int i = 0; i < nfds && !w.elsewhere(); i++) {
      int fd = b.getInt(i * 8);
      if (fd >= 0) { // poll skips negative descriptors
        w.add(fd, (b.getShort(i * 8 + 4) & (POLLIN | POLLRDNORM)) != 0);
      }
    }
    return w.readsOnlyTerminal();
  }

  private static boolean epollWaitsOnTerminal(long pid, long epfd, long tty) {
    List<String> info;
    try {
      info = Files.readAllLines(PROC.resolve(pid + "/fdinfo/" + epfd));
    } catch (IOException | RuntimeException e) {
      return false;
    }
    Watched w = new Watched(pid, tty);
    for (String line : info) {
      // "tfd:        0 events:       19 data: ..." (events in hex)
      if (!line.startsWith("tfd:")) {
        continue;
      }
      String[] f = line.trim().split("\\s+");
      if (f.length < 4) {
        return false;
      }
      w.add(Integer.parseInt(f[1]), (Integer.parseUnsignedInt(f[3], 16) & (POLLIN | POLLRDNORM)) != 0);
      if (w.elsewhere()) {
        return false;
      }
    }
    return w.readsOnlyTerminal();
  }

  /**
   * The descriptors one select, poll or epoll set watches, given one at a time: it waits on the
   * terminal when it would read it and watches nothing else but signals (a signalfd, as
   * interpreters and editors add). Its callers stop at the first other descriptor, since each one
   * judged costs reads of /proc.
   */
  private static final class Watched {
    private final long pid;
    private final long tty;
    private boolean readsTerminal;
    private boolean elsewhere;

    Watched(long pid, long tty) {
      this.pid = pid;
      this.tty = tty;
    }

    /** The set watches {@code fd}, for reading when {@code reads}. */
    void add(long fd, boolean reads) {
      if (isTerminal(pid, fd, tty)) {
        readsTerminal |= reads;
      } else if (!isSignalfd(pid, fd)) {
        elsewhere = true;
      }
    }

    /** Whether it watches a descriptor that is neither the terminal nor a signalfd. */
    boolean elsewhere() {
      return elsewhere;
    }

    boolean readsOnlyTerminal() {
      return readsTerminal && !elsewhere;
    }
  }

  /** Whether the descriptor is the terminal: /dev/tty opens it too, so compare device numbers. */
  private static boolean isTerminal(long pid, long fd, long tty) {
    if (fd < 0 || fd > Integer.MAX_VALUE) {
      return false;
    }
    try {
      // st_rdev in glibc's encoding equals the kernel's tty_nr for every 20-bit minor
      Object rdev = Files.getAttribute(PROC.resolve(pid + "/fd/" + fd), "unix:rdev");
      return rdev instanceof Long r && r == tty;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean isSignalfd(long pid, long fd) {
    try {
      return Files.readSymbolicLink(PROC.resolve(pid + "/fd/" + fd)).toString()
          .equals("anon_inode:[signalfd]");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Bytes of the process's memory, or null: readable only where /proc/PID/syscall was. */
  private static ByteBuffer mem(long pid, long address, int length) {
    if (address <= 0) {
      return null;
    }
    try (FileChannel ch = FileChannel.open(PROC.resolve(pid + "/mem"), StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
      while (b.hasRemaining()) {
        if (ch.read(b, address + b.position()) <= 0) {
          return null;
        }
      }
      return b.flip();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Whether {@code sys} (from {@link #syscall}) is a read(2) of fd 0. */
  static boolean readsStdin(long[] sys) {
    return sys != null && CALLS != null && sys[0] == CALLS.read() && sys[1] == 0;
  }

  /**
   * The syscall number and its six arguments, or null when the process runs, is not in a
   * syscall, or may not be looked at ("running", "-1 sp pc", EACCES).
   */
  static long[] syscall(long pid) {
    try {
      String[] f = Files.readString(PROC.resolve(pid + "/syscall"), StandardCharsets.US_ASCII)
          .trim().split(" ");
      if (f.length < 7 || f[0].equals("running") || f[0].startsWith("-")) {
        return null;
      }
      long[] r = new long[7];
      r[0] = Long.parseLong(f[0]);
      for (int i = 1; i < 7; i++) {
        r[i] = Long.parseUnsignedLong(f[i].substring(2), 16);
      }
      return r;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  static final int STATE = 0;
  static final int PGRP = 1;
  static final int TTY = 2;
  static final int TPGID = 3;

  /** state, pgrp, tty_nr and tpgid (fields 3, 5, 7, 8) of /proc/PID/stat, or null. */
  static long[] stat(long pid) {
    byte[] b = new byte[1024];
    int len = 0;
    try (FileInputStream in = new FileInputStream("/proc/" + pid + "/stat")) {
      for (int n; len < b.length && (n = in.read(b, len, b.length - len)) > 0; ) {
        len += n;
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    // the name in parentheses may hold spaces and parentheses: fields count from the last ')'
    int i = len - 1;
    while (i >= 0 && b[i] != ')') {
      i--;
    }
    if (i < 0 || i + 2 >= len) {
      return null;
    }
    i += 2;
    long[] r = new long[4];
    r[STATE] = b[i];
    int field = 3;
    i += 2;
    while (field < 8 && i < len) {
      field++;
      boolean negative = b[i] == '-';
      if (negative) {
        i++;
      }
      long v = 0;
      while (i < len && b[i] != ' ') {
        v = v * 10 + (b[i++] - '0');
      }
      i++;
      v = negative ? -v : v;
      switch (field) {
        case 5 -> r[PGRP] = v;
        case 7 -> r[TTY] = v;
        case 8 -> r[TPGID] = v;
        default -> { }
      }
    }
    return field == 8 ? r : null;
  }

  private static long pidOf(String name) {
    if (name.isEmpty() || name.length() > 10) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  static String comm(long pid) {
    try {
      return Files.readString(PROC.resolve(pid + "/comm"), StandardCharsets.UTF_8).strip();
    } catch (IOException | RuntimeException e) {
      return "pid " + pid;
    }
  }
}
