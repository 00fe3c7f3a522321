package dev.shellcamp.lab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Raw sockets that misbehave, for the slow-client tests. Slow clients connect from another
 * loopback address (127.0.0.2, 127.0.0.3: all of 127/8 is loopback on Linux) so that the
 * server's bound on connections per client address sees them apart from the normal requests,
 * which come from 127.0.0.1.
 */
final class SlowClients implements AutoCloseable {
  static final String HALF_LINE = "GET /v2/hea";
  static final String HALF_HEADERS = "GET /v2/health/ready HTTP/1.1\r\nHost: x\r\nUser-Agent: slo";
  static final String HALF_BODY = "POST /v2/models/half_plus_two/infer HTTP/1.1\r\nHost: x\r\n"
      + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"inputs\":";
  /** What a slowloris sends one byte at a time: headers that never end. */
  static final String ENDLESS_HEADERS = "GET /v2/health/ready HTTP/1.1\r\nHost: x\r\nX-Slow: "
      + "a".repeat(4000);

  private final List<Socket> sockets = new ArrayList<>();
  private final ScheduledExecutorService dribbler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "slowloris");
    t.setDaemon(true);
    return t;
  });

  /** A socket from {@code from} (a loopback address) to the server on 127.0.0.1. */
  Socket connect(String from, int port) throws IOException {
    Socket s = new Socket();
    sockets.add(s);
    s.bind(new InetSocketAddress(from, 0));
    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
    return s;
  }

  /** {@code n} connections from {@code from} that each send {@code partial} and then nothing more. */
  List<Socket> stall(String from, int port, int n, String partial) throws IOException {
    List<Socket> open = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Socket s = connect(from, port);
      send(s, partial);
      open.add(s);
    }
    return open;
  }

  /**
   * {@code n} connections from {@code from} that each send {@link #ENDLESS_HEADERS} one byte
   * every {@code every}: never idle long enough for an idle timeout, never done.
   */
  List<Socket> slowloris(String from, int port, int n, Duration every) throws IOException {
    List<Socket> open = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      open.add(connect(from, port));
    }
    dribble(open, ENDLESS_HEADERS, every);
    return open;
  }

  /** Sends {@code text} on each socket, one byte each {@code every}, from now on (the first at once). */
  void dribble(List<Socket> open, String text, Duration every) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    int[] next = new int[1];
    dribbler.scheduleAtFixedRate(() -> {
      if (next[0] >= bytes.length) {
        return;
      }
      for (Socket s : open) {
        try {
          s.getOutputStream().write(bytes[next[0]]);
          s.getOutputStream().flush();
        } catch (IOException e) {
          // the server hung up on this one: what the tests wait for
        }
      }
      next[0]++;
    }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  static void send(Socket s, String text) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() {
    dribbler.shutdownNow();
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException e) {
        // already gone
      }
    }
  }

  /** Milliseconds for a fresh connection's GET /v2/health/ready from 127.0.0.1; -1: nothing in {@code limitMs}. */
  static long readyMillis(int port, int limitMs) throws IOException {
    long t0 = System.nanoTime();
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(limitMs);
      send(s, "GET /v2/health/ready HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertTrue(reply.startsWith("HTTP/1.1 200 ") && reply.endsWith("{\"ready\":true}"), reply);
      return (System.nanoTime() - t0) / 1_000_000;
    } catch (SocketTimeoutException e) {
      return -1;
    }
  }

  /**
   * {@code n} normal requests from 127.0.0.1, one every 50 ms (so that they span the slow
   * clients' dribbling), each on a fresh connection; their latencies in ms, -1 for none in 3 s.
   */
  static List<Long> normalLatencies(int port, int n) throws IOException, InterruptedException {
    List<Long> ms = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ms.add(readyMillis(port, 3000));
      Thread.sleep(50);
    }
    return ms;
  }

  /** The 95th percentile (nearest rank) of latencies, where -1 (no answer) counts as the worst. */
  static long p95(List<Long> ms) {
    List<Long> sorted = new ArrayList<>(ms.stream().map(m -> m < 0 ? Long.MAX_VALUE : m).sorted().toList());
    return sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
  }

  /** One whole response from a kept connection (read up to its Content-Length), within 3 s. */
  static String readResponse(Socket s) throws IOException {
    s.setSoTimeout(3000);
    java.io.InputStream in = s.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new AssertionError("the connection ended inside the response's headers: " + head);
      }
      head.append((char) b);
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
    assertTrue(m.find(), "no Content-Length in " + head);
    return head + new String(in.readNBytes(Integer.parseInt(m.group(1))), StandardCharsets.UTF_8);
  }

  /** Milliseconds from {@code t0} until the server closed {@code s} (EOF or reset); fails if it sends a byte. */
  static long closedAfter(Socket s, long t0, int limitMs) throws IOException {
    s.setSoTimeout(limitMs);
    try {
      int b = s.getInputStream().read();
      assertEquals(-1, b, "expected the connection to be closed, got a byte");
    } catch (SocketException e) {
      // a reset is a close too
    } catch (SocketTimeoutException e) {
      throw new AssertionError("still open after " + limitMs + " ms");
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
