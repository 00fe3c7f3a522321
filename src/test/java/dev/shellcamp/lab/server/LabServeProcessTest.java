package dev.shellcamp.lab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `lab serve` as a real process: its one line, its exit codes, and SIGTERM draining in-flight requests. */
class LabServeProcessTest {
  /** Runs the real command, as the lead's `lab` group will, without RootCommand (not wired yet). */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      System.exit(new CommandLine(Class.forName("dev.shellcamp.cli.LabServeCommand")).execute(args));
    }
  }

  @TempDir Path dir;

  private Process spawn(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Child.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile()).start();
  }

  /** The port from the first line, "serving ... on http://127.0.0.1:PORT". */
  private static int servingPort(Process p, String models) throws IOException {
    String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
    Matcher m = Pattern.compile("serving " + Pattern.quote(models) + " on http://127\\.0\\.0\\.1:(\\d+)").matcher(
        String.valueOf(line));
    assertTrue(m.matches(), "first line: " + line);
    return Integer.parseInt(m.group(1));
  }

  /** The server's in-flight gauge, from /metrics. */
  private static long inFlight(LabClient c) {
    Matcher m = Pattern.compile("(?m)^shellcamp_lab_in_flight_requests (\\d+)$").matcher(c.get("/metrics").body());
    assertTrue(m.find(), "no in-flight gauge in /metrics");
    return Long.parseLong(m.group(1));
  }

  /** Whether a connection to {@code port} is refused: the listening socket is closed. */
  private static boolean refused(int port) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return false;
    } catch (ConnectException e) {
      return true;
    }
  }

  @Test
  void sigtermLetsAnInFlightRequestFinishThenExitsZero() throws Exception {
    Process p = spawn("--port", "0");
    try {
      int port = servingPort(p, "half_plus_two, iris");
      LabClient client = new LabClient("http://127.0.0.1:" + port);
      client.assertStillServes();
      // that request ends just after its answer; only the scrape itself may be in flight now
      Await.until("the server to be idle", Duration.ofSeconds(10), () -> inFlight(client) == 1);
      String body = "{\"inputs\":[{\"name\":\"x\",\"shape\":[3],\"datatype\":\"FP32\",\"data\":[1,2,5]}]}";
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        s.setSoTimeout(10_000);
        OutputStream out = s.getOutputStream();
        // a slow client: headers and half the body, then SIGTERM, then the rest
        out.write(("POST /v2/models/half_plus_two/infer HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + body.length() + "\r\n\r\n" + body.substring(0, 20)).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        // SIGTERM only once the server has it in flight (the scrape is the other one)
        Await.until("the half-sent request to be in flight", Duration.ofSeconds(10), () -> inFlight(client) == 2);
        long signalled = System.nanoTime();
        p.destroy(); // SIGTERM
        Await.upTo(Duration.ofSeconds(3), () -> refused(port));
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close(),
            "a draining server accepts no new connections");
        out.write(body.substring(20).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(reply.startsWith("HTTP/1.1 200 "), reply);
        assertTrue(reply.toLowerCase().contains("connection: close"), "draining answers close the connection:\n" + reply);
        assertTrue(reply.endsWith("\"data\":[2.5,3.0,4.5]}]}"), reply);
        assertTrue(p.waitFor(5, TimeUnit.SECONDS), "still running 5 s after SIGTERM");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("stderr.txt")));
        assertTrue(System.nanoTime() - signalled < 4_000_000_000L);
      }
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void idleServerStopsAtOnceOnSigterm() throws Exception {
    Process p = spawn("--port", "0", "--model", "iris");
    try {
      int port = servingPort(p, "iris");
      LabClient c = new LabClient("http://127.0.0.1:" + port);
      assertEquals(200, c.get("/v2/models/iris").status());
      assertEquals(404, c.get("/v2/models/half_plus_two").status(), "--model serves only that model");
      long signalled = System.nanoTime();
      p.destroy();
      assertTrue(p.waitFor(5, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue());
      // JDK 17's HttpServer.stop(5) would wait all 5 s with nothing in flight
      assertTrue(System.nanoTime() - signalled < 2_000_000_000L, "took " + (System.nanoTime() - signalled) / 1_000_000 + " ms");
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void portInUseIsOneLineAndExitCode3() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Process p = spawn("--port", String.valueOf(taken.getLocalPort()));
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      assertEquals(3, p.exitValue());
      assertEquals("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": the port is already in use (stop what"
          + " runs there, or pick another with --port)\n", Files.readString(dir.resolve("stderr.txt")));
      assertEquals("", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void unknownModelIsAUsageError() throws Exception {
    Process p = spawn("--port", "0", "--model", "nope");
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(2, p.exitValue());
    assertEquals("unknown model 'nope'; available: half_plus_two, iris\n", Files.readString(dir.resolve("stderr.txt")));
  }

  @Test
  void badPortIsAUsageError() throws Exception {
    Process p = spawn("--port", "70000");
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(2, p.exitValue());
    assertEquals("--port must be between 0 and 65535, got 70000\n", Files.readString(dir.resolve("stderr.txt")));
  }
}
