package dev.shellcamp.monitor;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The listening TCP sockets, asked of the kernel over netlink (sock_diag, as `ss -lt` asks):
 * address, port and inode of each, which is what tells whether the listening set changed. Asked
 * for LISTEN only, the kernel walks just its listening table; /proc/net/tcp instead walks the
 * whole established table, whose size follows the memory (≈ 5 ms per file here, tcp and tcp6),
 * so the monitor could read it only now and then and had to guess in between. One socket is
 * kept open for the sampler's life. Where netlink is refused (a seccomp filter, inet_diag not
 * loaded) {@link #open()} gives null and the sampler falls back to /proc/net/tcp.
 */
final class ListenSockets implements AutoCloseable {
  private static final int AF_NETLINK = 16;
  private static final int SOCK_DGRAM = 2;
  private static final int SOCK_CLOEXEC = 0x80000;
  private static final int NETLINK_SOCK_DIAG = 4;
  private static final short SOCK_DIAG_BY_FAMILY = 20;
  private static final short NLM_F_REQUEST_DUMP = 0x301;
  private static final int NLMSG_ERROR = 2;
  private static final int NLMSG_DONE = 3;
  private static final int TCP_LISTEN = 10;
  private static final int REQUEST_LENGTH = 16 + 56;

  private static final boolean LINKED = link();

  private final int fd;
  private final byte[] request = new byte[REQUEST_LENGTH];
  private final byte[] reply = new byte[32 * 1024];
  private int seq;

  private static native int socket(int domain, int type, int protocol);

  private static native long send(int fd, byte[] buf, long len, int flags);

  private static native long recv(int fd, byte[] buf, long len, int flags);

  private static native int close(int fd);

  private static boolean link() {
    try {
      Native.register(ListenSockets.class, Platform.C_LIBRARY_NAME);
      return Platform.isLinux();
    } catch (LinkageError | RuntimeException e) {
      return false;
    }
  }

  private ListenSockets(int fd) {
    this.fd = fd;
  }

  /** A netlink socket for the questions, or null where the kernel or the platform has none. */
  static ListenSockets open() {
    if (!LINKED) {
      return null;
    }
    int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (fd < 0) {
      return null;
    }
    ListenSockets s = new ListenSockets(fd);
    if (s.signature() == null) {
      s.close();
      return null;
    }
    return s;
  }

  /**
   * The listening IPv4 and IPv6 sockets as "family address:port/inode" words, in the kernel's
   * order (stable while nothing changes); null when the kernel would not answer.
   */
  String signature() {
    StringBuilder b = new StringBuilder();
    return ask(2, b) && ask(10, b) ? b.toString() : null;
  }

  private boolean ask(int family, StringBuilder into) {
    ByteBuffer q = ByteBuffer.wrap(request).order(ByteOrder.nativeOrder());
    q.putInt(REQUEST_LENGTH).putShort(SOCK_DIAG_BY_FAMILY).putShort(NLM_F_REQUEST_DUMP).putInt(++seq).putInt(0);
    q.put((byte) family).put((byte) 6).put((byte) 0).put((byte) 0).putInt(1 << TCP_LISTEN);
    // the socket id that follows (48 bytes) stays zero: every socket
    if (send(fd, request, REQUEST_LENGTH, 0) != REQUEST_LENGTH) {
      return false;
    }
    while (true) {
      long n = recv(fd, reply, reply.length, 0);
      if (n <= 0) {
        return false;
      }
      ByteBuffer r = ByteBuffer.wrap(reply, 0, (int) n).order(ByteOrder.nativeOrder());
      int at = 0;
      while (at + 16 <= n) {
        int len = r.getInt(at);
        int type = r.getShort(at + 4) & 0xffff;
        if (type == NLMSG_DONE) {
          return true;
        }
        if (type == NLMSG_ERROR || len < 16 || at + len > n) {
          return false;
        }
        socketWord(r, at + 16, family, into);
        at += (len + 3) & ~3;
      }
    }
  }

  /** One inet_diag_msg: the port is big-endian at 4, the local address at 8, the inode at 68. */
  private static void socketWord(ByteBuffer r, int msg, int family, StringBuilder into) {
    into.append(family).append(' ');
    for (int i = 0; i < (family == 2 ? 4 : 16); i++) {
      into.append(Character.forDigit((r.get(msg + 8 + i) >> 4) & 0xf, 16)).append(Character.forDigit(r.get(msg + 8 + i) & 0xf, 16));
    }
    int port = ((r.get(msg + 4) & 0xff) << 8) | (r.get(msg + 5) & 0xff);
    into.append(':').append(port).append('/').append(r.getInt(msg + 68) & 0xffffffffL).append(' ');
  }

  @Override
  public void close() {
    close(fd);
  }
}
