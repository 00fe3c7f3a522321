package dev.shellcamp.lab.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Watches every connection of the lab server (a Jetty connection listener): counts the open
 * ones per client address, marks those past {@link LabLimits#perClient} as refused (the
 * handler answers them 503), and closes a connection whose request headers are not done within
 * {@link LabLimits#header}. Jetty has an idle timeout but no header deadline: a slowloris that
 * sends a byte every few seconds is never idle.
 *
 * <p>The header clock of a connection's first request starts at the connect; a later request's
 * starts at the first sweep that sees new bytes after the previous answer; the handler stops it
 * ({@link #requestStarted}) when Jetty has parsed the headers. A sweep runs every quarter of the
 * header timeout, at most every second, so a late connection is closed at most two sweeps after
 * its deadline (10 to 12 s with the defaults).
 */
final class ConnectionGuard implements Connection.Listener {
  private final LabLimits limits;
  private final Scheduler scheduler;
  private final long sweepMillis;
  private final Map<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
  private final Map<Connection, Watch> open = new ConcurrentHashMap<>();
  private volatile boolean stopped;

  /** One connection's state; every field is read and written under the watch's lock. */
  private static final class Watch {
    final InetAddress address;
    final boolean refused;
    final long headerNanos;
    long headerSince; // System.nanoTime() when the current headers began; 0 while none are being read
    long bytesAtRest; // bytes read up to the end of the last request: more means a new one is coming
    boolean inRequest;

    Watch(InetAddress address, boolean refused, long headerNanos, long now) {
      this.address = address;
      this.refused = refused;
      this.headerNanos = headerNanos;
      this.headerSince = now;
    }
  }

  ConnectionGuard(LabLimits limits, Scheduler scheduler) {
    this.limits = limits;
    this.scheduler = scheduler;
    this.sweepMillis = Math.max(50, Math.min(1000, limits.header().toMillis() / 4));
  }

  void start() {
    scheduler.schedule(this::sweep, sweepMillis, TimeUnit.MILLISECONDS);
  }

  void stop() {
    stopped = true;
  }

  @Override
  public void onOpened(Connection c) {
    InetAddress address = address(c.getEndPoint().getRemoteSocketAddress());
    // only served connections count, so a slot freed is usable at once, whatever refused ones linger
    boolean[] refused = new boolean[1];
    perAddress.compute(address, (a, n) -> {
      int held = n == null ? 0 : n;
      refused[0] = held >= limits.perClient();
      return refused[0] ? n : held + 1;
    });
    // a refused connection costs a socket until it is closed: it gets a second, not ten, to ask
    long header = (refused[0] ? LabLimits.REFUSED_GRACE : limits.header()).toNanos();
    if (refused[0]) {
      c.getEndPoint().setIdleTimeout(LabLimits.REFUSED_GRACE.toMillis());
    }
    open.put(c, new Watch(address, refused[0], header, System.nanoTime()));
  }

  @Override
  public void onClosed(Connection c) {
    Watch w = open.remove(c);
    if (w != null && !w.refused) {
      perAddress.computeIfPresent(w.address, (a, n) -> n == 1 ? null : n - 1);
    }
  }

  /** Whether this connection is past its address's bound; its requests get a 503 and it is closed. */
  boolean refused(Connection c) {
    Watch w = open.get(c);
    return w != null && w.refused;
  }

  /** The headers of a request on {@code c} are in: its header clock stops. */
  void requestStarted(Connection c) {
    requestEdge(c, true);
  }

  /** The answer on {@code c} is sent: what it reads from now on is the next request. */
  void requestEnded(Connection c) {
    requestEdge(c, false);
  }

  /** Either edge of a request stops the header clock; after one, the bytes read so far are the old request's. */
  private void requestEdge(Connection c, boolean inRequest) {
    Watch w = open.get(c);
    if (w != null) {
      synchronized (w) {
        w.inRequest = inRequest;
        w.headerSince = 0;
        if (!inRequest) {
          w.bytesAtRest = c.getBytesIn();
        }
      }
    }
  }

  private void sweep() {
    if (stopped) {
      return;
    }
    long now = System.nanoTime();
    open.forEach((c, w) -> {
      if (late(c, w, now)) {
        c.close();
      }
    });
    scheduler.schedule(this::sweep, sweepMillis, TimeUnit.MILLISECONDS);
  }

  private static boolean late(Connection c, Watch w, long now) {
    synchronized (w) {
      if (w.inRequest) {
        return false;
      }
      if (w.headerSince == 0) {
        if (c.getBytesIn() > w.bytesAtRest) {
          w.headerSince = now; // the next request has begun; until then the idle timeout rules
        }
        return false;
      }
      return now - w.headerSince > w.headerNanos;
    }
  }

  private static InetAddress address(SocketAddress a) {
    return a instanceof InetSocketAddress i ? i.getAddress() : InetAddress.getLoopbackAddress();
  }

  /** The sentence for a refused client's 503. */
  String refusal(Connection c) {
    Watch w = open.get(c);
    String who = w == null ? "your address" : w.address.getHostAddress();
    return "too many connections from " + who + ": at most " + limits.perClient()
        + " at once per client address; reuse connections (keep-alive) or close some";
  }
}
