package dev.shellcamp.monitor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import oshi.SystemInfo;
import oshi.software.os.InternetProtocolStats;
import oshi.software.os.OSFileStore;
import oshi.software.os.OperatingSystem;

/**
 * What the monitor asks OSHI: which file systems are mounted (device, mount point, type) and
 * which process owns each listening socket. Both are costly enough to be called seldom; the
 * sizes of known file systems are re-read every time with a plain statvfs.
 */
final class OshiParts {
  /** File systems that hold no disk: not what "is my disk full?" is about. */
  private static final Set<String> PSEUDO = Set.of("tmpfs", "devtmpfs", "ramfs", "squashfs", "nsfs", "proc",
      "sysfs", "cgroup", "cgroup2", "devpts", "mqueue", "hugetlbfs", "debugfs", "tracefs", "fuse.lxcfs");

  /** struct statvfs on 64-bit Linux: eleven 8-byte fields, then six ints. */
  private static final int STATVFS_SIZE = 112;

  private final OperatingSystem os = new SystemInfo().getOperatingSystem();
  private final byte[] statvfs = new byte[STATVFS_SIZE];
  private long mounts;
  private List<Mounted> mounted = List.of();

  /** A socket in LISTEN state and its owner's pid (-1 where /proc/PID/fd is not ours to read). */
  record Socket(String protocol, String address, int port, long pid) {}

  /** {@code path}: the mount point as C wants it (UTF-8, NUL-terminated), for statvfs. */
  private record Mounted(String device, String mount, String type, FileStore store, byte[] path) {}

  long pageSize() {
    try {
      return oshi.software.os.linux.LinuxOperatingSystemJNA.pageSize();
    } catch (LinkageError | RuntimeException e) {
      return 4096; // not Linux, or no JNA: the page size of nearly every machine the tutor runs on
    }
  }

  /**
   * One row per device (bind mounts and /var/lib/docker on the root's disk count once), sizes
   * now. {@code mounts} stands for the mount table (a hash of /proc/self/mounts): OSHI lists the
   * file systems again only when it changed.
   */
  List<Snapshot.Fs> filesystems(long mounts) {
    if (mounts != this.mounts || mounted.isEmpty()) {
      this.mounts = mounts;
      mounted = enumerate();
    }
    List<Snapshot.Fs> out = new ArrayList<>();
    for (Mounted m : mounted) {
      Snapshot.Fs fs = sizes(m);
      if (fs != null) { // null: unmounted since we listed it; the next listing drops it
        out.add(fs);
      }
    }
    return List.copyOf(out);
  }

  /** One statvfs: the JDK's FileStore makes one for each of the three sizes. */
  private Snapshot.Fs sizes(Mounted m) {
    if (Libc.LINKED) {
      if (Libc.statvfs(m.path, statvfs) != 0) {
        return null;
      }
      long block = Libc.get(statvfs, 8, 8); // f_frsize, which the JDK counts in as well
      return new Snapshot.Fs(m.device, m.mount, m.type, block * Libc.get(statvfs, 16, 8),
          block * Libc.get(statvfs, 24, 8), block * Libc.get(statvfs, 32, 8));
    }
    try {
      return new Snapshot.Fs(m.device, m.mount, m.type, m.store.getTotalSpace(), m.store.getUnallocatedSpace(),
          m.store.getUsableSpace());
    } catch (IOException e) {
      return null;
    }
  }

  private List<Mounted> enumerate() {
    Map<String, OSFileStore> byDevice = new LinkedHashMap<>();
    for (OSFileStore fs : os.getFileSystem().getFileStores(true)) {
      if (PSEUDO.contains(fs.getType()) || fs.getTotalSpace() <= 0) {
        continue;
      }
      String device = fs.getVolume().isEmpty() ? fs.getName() : fs.getVolume();
      OSFileStore seen = byDevice.get(device);
      if (seen == null || fs.getMount().length() < seen.getMount().length()) {
        byDevice.put(device, fs);
      }
    }
    List<Mounted> out = new ArrayList<>();
    for (Map.Entry<String, OSFileStore> e : byDevice.entrySet()) {
      try {
        FileStore store = Files.getFileStore(Path.of(e.getValue().getMount()));
        String mount = e.getValue().getMount();
        out.add(new Mounted(e.getKey(), mount, e.getValue().getType(), store,
            (mount + "\0").getBytes(StandardCharsets.UTF_8)));
      } catch (IOException | RuntimeException ex) {
        // a mount point we may not look at
      }
    }
    out.sort(Comparator.comparing(Mounted::mount));
    return List.copyOf(out);
  }

  /** Listening TCP sockets with their owners, one per (address, port, pid), by port. */
  List<Socket> listening() {
    List<Socket> out = new ArrayList<>();
    for (InternetProtocolStats.IPConnection c : os.getInternetProtocolStats().getConnections()) {
      if (c.getState() != InternetProtocolStats.TcpState.LISTEN || !c.getType().startsWith("tcp")) {
        continue;
      }
      Socket s = new Socket(c.getType(), address(c.getLocalAddress()), c.getLocalPort(), c.getowningProcessId());
      if (!out.contains(s)) {
        out.add(s);
      }
    }
    out.sort(Comparator.comparingInt(Socket::port).thenComparing(Socket::protocol));
    return List.copyOf(out);
  }

  static String address(byte[] raw) {
    if (raw == null || raw.length == 0) {
      return "*";
    }
    boolean any = true;
    for (byte b : raw) {
      any &= b == 0;
    }
    if (any) {
      return raw.length == 4 ? "0.0.0.0" : "[::]";
    }
    try {
      String a = InetAddress.getByAddress(raw).getHostAddress();
      return raw.length == 16 ? "[" + a + "]" : a;
    } catch (UnknownHostException e) {
      return "?";
    }
  }
}
