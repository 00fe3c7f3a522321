package dev.shellcamp.monitor;

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

  private final int fd;
  private final byte[] request = new byte[REQUEST_LENGTH];
  private final byte[] reply = new byte[32 * 1024];
  private int seq;

  private ListenSockets(int fd) {
    this.fd = fd;
  }

  /** A netlink socket for the questions, or null where the kernel or the platform has none. */
  static ListenSockets open() {
    if (!Libc.LINKED) {
      return null;
    }
    int fd = Libc.socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
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
    // nlmsghdr, then inet_diag_req_v2; the socket id after it (48 bytes) stays zero: every socket
    Libc.put(request, 0, REQUEST_LENGTH, 4);
    Libc.put(request, 4, SOCK_DIAG_BY_FAMILY, 2);
    Libc.put(request, 6, NLM_F_REQUEST_DUMP, 2);
    Libc.put(request, 8, ++seq, 4);
    request[16] = (byte) family;
    request[17] = 6; // TCP
    Libc.put(request, 20, 1 << TCP_LISTEN, 4);
    if (Libc.send(fd, request, REQUEST_LENGTH, 0) != REQUEST_LENGTH) {
      return false;
    }
    while (true) {
      long n = Libc.recv(fd, reply, reply.length, 0);
      if (n <= 0) {
        return false;
      }
      int at = 0;
      while (at + 16 <= n) {
        long len = Libc.get(reply, at, 4);
        long type = Libc.get(reply, at + 4, 2);
        if (type == NLMSG_DONE) {
          return true;
        }
        if (type == NLMSG_ERROR || len < 16 || at + len > n) {
          return false;
        }
        socketWord(reply, at + 16, family, into);
        at += (int) ((len + 3) & ~3);
      }
    }
  }

  /** One inet_diag_msg: the port is big-endian at 4, the local address at 8, the inode at 68. */
  private static void socketWord(byte[] r, int msg, int family, StringBuilder into) {
    into.append(family).append(' ');
    for (int i = 0; i < (family == 2 ? 4 : 16); i++) {
      into.append(Character.forDigit((r[msg + 8 + i] >> 4) & 0xf, 16)).append(Character.forDigit(r[msg + 8 + i] & 0xf, 16));
    }
    int port = ((r[msg + 4] & 0xff) << 8) | (r[msg + 5] & 0xff);
    into.append(':').append(port).append('/').append(Libc.get(r, msg + 68, 4)).append(' ');
  }

  @Override
  public void close() {
    Libc.close(fd);
  }
}
