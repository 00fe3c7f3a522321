package dev.shellcamp.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that open a connection and then stall (half a request line, headers with no blank
 * line, a body that never arrives) must not delay anyone else, and the server must hang up on
 * them. Before the fix four of them stopped the whole server (issue 19).
 */
class LabSlowClientTest {
  private static final String HALF_HEADERS = "GET /v2/health/ready HTTP/1.1\r\nHost: x\r\nUser-Agent: slo";
  private static final String HALF_BODY = "POST /v2/models/half_plus_two/infer HTTP/1.1\r\nHost: x\r\n"
      + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"inputs\":";
  private static LabServer server;

  @BeforeAll
  static void start() throws Exception {
    server = LabClient.startServer(null);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static List<Socket> stall(int port, int n, String partial) throws IOException {
    List<Socket> open = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
      s.getOutputStream().write(partial.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      open.add(s);
    }
    return open;
  }

  private static void closeAll(List<Socket> sockets) {
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException e) {
        // already gone
      }
    }
  }

  /** Milliseconds for a fresh connection's GET /v2/health/ready, or -1 when nothing came in {@code limitMs}. */
  static long readyMillis(int port, int limitMs) throws IOException {
    long t0 = System.nanoTime();
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(limitMs);
      s.getOutputStream().write("GET /v2/health/ready HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertTrue(reply.startsWith("HTTP/1.1 200 ") && reply.endsWith("{\"ready\":true}"), reply);
      return (System.nanoTime() - t0) / 1_000_000;
    } catch (SocketTimeoutException e) {
      return -1;
    }
  }

  /** Twenty normal requests, one after another, each within a second, while {@code slow} are stalled. */
  private static void othersKeepTheirLatency(int slow, String partial) throws IOException {
    List<Socket> stalled = stall(server.port(), slow, partial);
    try {
      List<Long> ms = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        ms.add(readyMillis(server.port(), 3000));
      }
      System.out.println("[slow-clients] " + slow + " stalled: ready latencies ms " + ms);
      for (long m : ms) {
        assertTrue(m >= 0 && m < 1000, slow + " stalled clients; latencies (ms, -1 = none in 3 s): " + ms);
      }
    } finally {
      closeAll(stalled);
    }
  }

  @Test
  void fourStalledHeadersDoNotDelayOthers() throws IOException {
    othersKeepTheirLatency(4, HALF_HEADERS);
  }

  @Test
  void fiftyStalledHeadersDoNotDelayOthers() throws IOException {
    othersKeepTheirLatency(50, HALF_HEADERS);
  }

  @Test
  void stalledRequestLinesDoNotDelayOthers() throws IOException {
    othersKeepTheirLatency(50, "GET /v2/hea");
  }

  @Test
  void fiftyStalledBodiesDoNotDelayOthers() throws IOException {
    othersKeepTheirLatency(50, HALF_BODY);
  }

  @TempDir Path dir;

  /**
   * The JDK reads its timeouts once per JVM, when the first HttpServer is made, so short ones
   * need a server of their own: `lab serve` as a child process with 2 s limits.
   */
  @Test
  void theServerHangsUpOnStalledClients() throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Dsun.net.httpserver.maxReqTime=2", "-Dsun.net.httpserver.idleInterval=2",
        "-cp", System.getProperty("java.class.path"), LabServeProcessTest.Child.class.getName(), "--port", "0"));
    Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile()).start();
    try {
      String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
      Matcher m = Pattern.compile(".* on http://127\\.0\\.0\\.1:(\\d+)").matcher(String.valueOf(line));
      assertTrue(m.matches(), "first line: " + line);
      int port = Integer.parseInt(m.group(1));
      List<Socket> headers = stall(port, 4, HALF_HEADERS);
      List<Socket> bodies = stall(port, 4, HALF_BODY);
      List<Socket> silent = stall(port, 1, "");
      long t0 = System.nanoTime();
      try {
        assertTrue(readyMillis(port, 1000) >= 0);
        for (List<Socket> group : List.of(headers, bodies, silent)) {
          for (Socket s : group) {
            long closedAfter = closedWithin(s, t0, 6000);
            assertTrue(closedAfter >= 1500 && closedAfter < 4500,
                "a stalled connection should be closed 2-3 s after it began, was " + closedAfter + " ms");
          }
        }
        System.out.println("[slow-clients] stalled connections closed after about "
            + (System.nanoTime() - t0) / 1_000_000 + " ms (limit 2 s)");
        assertTrue(readyMillis(port, 1000) >= 0, "and the server still serves");
      } finally {
        closeAll(headers);
        closeAll(bodies);
        closeAll(silent);
      }
    } finally {
      p.destroy();
      assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    }
  }

  /** Milliseconds from {@code t0} until the server closed {@code s} (EOF or reset). */
  private static long closedWithin(Socket s, long t0, int limitMs) throws IOException {
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
