package dev.shellcamp.lab.server;

import dev.shellcamp.lab.load.LoadPlan;
import java.time.Duration;

/**
 * How long a client may take and how many connections it may hold, so that a slow or stuck
 * client never blocks the others (issue 19). Each is a system property, read when a server
 * starts: {@code -Dshellcamp.lab.headerTimeout=5s} (durations as {@code lab load} takes them).
 *
 * @param perClient open connections one client address may hold; past it a connection's
 *     requests are answered 503 and it is closed. 64: twice {@code lab load}'s default 32
 *     connections, with room for a probe, curl and a browser from the same machine
 * @param total open connections in all; past it the server stops accepting until one closes
 *     (they wait in the kernel's backlog)
 * @param header the longest from the start of a request (from the connect, for the first one)
 *     to the end of its headers, however steadily the bytes come: an idle timeout alone never
 *     closes a client that sends one byte every few seconds
 * @param body the longest from the end of the headers to the end of the body; sized for the
 *     1 MiB limit on a slow link
 * @param idle the longest a connection may sit with nothing read or written: between keep-alive
 *     requests, or while a client does not read its answer
 */
record LabLimits(int perClient, int total, Duration header, Duration body, Duration idle) {
  static final LabLimits DEFAULT = new LabLimits(64, 512, Duration.ofSeconds(10), Duration.ofSeconds(30),
      Duration.ofSeconds(30));
  /** How long a connection past the per-client bound has to send the request that gets its 503. */
  static final Duration REFUSED_GRACE = Duration.ofSeconds(1);

  LabLimits {
    if (perClient < 1 || total < 1) {
      throw new IllegalArgumentException("connection limits must be at least 1");
    }
    for (Duration d : new Duration[] {header, body, idle}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("timeouts must be positive, got " + d);
      }
    }
  }

  /** The defaults, each replaced by its system property where one is set. */
  static LabLimits fromProperties() {
    return new LabLimits(count("maxConnectionsPerClient", DEFAULT.perClient), count("maxConnections", DEFAULT.total),
        time("headerTimeout", DEFAULT.header), time("bodyTimeout", DEFAULT.body), time("idleTimeout", DEFAULT.idle));
  }

  private static int count(String name, int fallback) {
    String v = System.getProperty("shellcamp.lab." + name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException("shellcamp.lab." + name + " must be a whole number of at least 1, got '" + v
        + "'");
  }

  private static Duration time(String name, Duration fallback) {
    String v = System.getProperty("shellcamp.lab." + name);
    return v == null ? fallback : LoadPlan.parseDuration("shellcamp.lab." + name, v);
  }

  /** "2 s", "0.5 s", "10 s": for messages. */
  static String seconds(Duration d) {
    return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
  }
}
