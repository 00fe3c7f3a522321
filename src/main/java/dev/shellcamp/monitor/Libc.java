package dev.shellcamp.monitor;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.nio.ByteOrder;

/**
 * The few C library calls the sampler makes where the JDK has none, or only a costlier one:
 * netlink for the listening sockets, and statvfs, which the JDK's FileStore makes once for each
 * of total, free and usable space. JNA's direct mapping (JNA comes with OSHI). {@link #LINKED}
 * is false off 64-bit Linux or where JNA cannot load; callers then take the JDK's way.
 */
final class Libc {
  static final boolean LINKED = link();

  private Libc() {}

  static native int socket(int domain, int type, int protocol);

  static native long send(int fd, byte[] buf, long len, int flags);

  static native long recv(int fd, byte[] buf, long len, int flags);

  static native int close(int fd);

  /** {@code path} NUL-terminated: a String would be encoded into fresh native memory on every call. */
  static native int statvfs(byte[] path, byte[] buf);

  private static boolean link() {
    try {
      if (!Platform.isLinux() || !Platform.is64Bit()) {
        return false;
      }
      Native.register(Libc.class, Platform.C_LIBRARY_NAME);
      return true;
    } catch (LinkageError | RuntimeException e) {
      return false;
    }
  }

  // C structs are in the host's byte order. Plain array code rather than a ByteBuffer: at one
  // refresh a second its chain of methods would stay interpreted and be compiled piece by piece.
  private static final boolean LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

  static void put(byte[] b, int at, long v, int bytes) {
    for (int i = 0; i < bytes; i++) {
      b[at + (LITTLE ? i : bytes - 1 - i)] = (byte) (v >>> (8 * i));
    }
  }

  static long get(byte[] b, int at, int bytes) {
    long v = 0;
    for (int i = 0; i < bytes; i++) {
      v |= (long) (b[at + (LITTLE ? i : bytes - 1 - i)] & 0xff) << (8 * i);
    }
    return v;
  }
}
