package dev.shellcamp.lab.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server hangs up on clients that take too long: headers not done 2 s after they began
 * (even when a byte comes every 300 ms, which no idle timeout catches), a body not done 2 s
 * after its headers (a 408 first), a keep-alive connection idle for 3 s. The limits are short
 * here, set the documented way (system properties); the defaults are 10 s, 30 s and 30 s.
 */
class LabTimeoutsTest {
  @RegisterExtension
  static final LabServerExtension lab = LabServerExtension.withProperties("shellcamp.lab.headerTimeout", "2s",
      "shellcamp.lab.bodyTimeout", "2s", "shellcamp.lab.idleTimeout", "3s");

  private static void assertAbout(long expectedMs, long ms, String what) {
    assertTrue(ms >= expectedMs - 500 && ms < expectedMs + 1500, what + " after " + ms + " ms, expected about "
        + expectedMs + " ms");
  }

  /** A connection from 127.0.0.2 whose first request was answered 200, kept open for the next. */
  private static Socket keptConnection(SlowClients slow) throws IOException {
    Socket s = slow.connect("127.0.0.2", lab.port());
    SlowClients.send(s, "GET /v2/health/live HTTP/1.1\r\nHost: x\r\n\r\n");
    String reply = SlowClients.readResponse(s);
    assertTrue(reply.startsWith("HTTP/1.1 200"), reply);
    return s;
  }

  @Test
  void aSlowlorisIsClosedAtTheHeaderDeadline() throws Exception {
    try (SlowClients slow = new SlowClients()) {
      long t0 = System.nanoTime();
      List<Socket> dribbling = slow.slowloris("127.0.0.2", lab.port(), 3, Duration.ofMillis(300));
      for (Socket s : dribbling) {
        assertAbout(2000, SlowClients.closedAfter(s, t0, 8000), "a slowloris was closed");
      }
      assertTrue(SlowClients.readyMillis(lab.port(), 1000) >= 0, "and the server still serves");
    }
  }

  @Test
  void theHeaderDeadlineHoldsForTheNextRequestOnAKeptConnection() throws Exception {
    try (SlowClients slow = new SlowClients()) {
      Socket s = keptConnection(slow);
      long t0 = System.nanoTime();
      slow.dribble(List.of(s), SlowClients.ENDLESS_HEADERS, Duration.ofMillis(300));
      assertAbout(2000, SlowClients.closedAfter(s, t0, 8000), "a slowloris on a kept connection was closed");
    }
  }

  @Test
  void aConnectionThatSendsNothingIsClosedAtTheHeaderDeadline() throws Exception {
    try (SlowClients slow = new SlowClients()) {
      long t0 = System.nanoTime();
      Socket s = slow.connect("127.0.0.2", lab.port());
      assertAbout(2000, SlowClients.closedAfter(s, t0, 8000), "a silent connection was closed");
    }
  }

  @Test
  void aBodyThatStopsGets408AndTheConnectionIsClosed() throws Exception {
    try (SlowClients slow = new SlowClients()) {
      long t0 = System.nanoTime();
      Socket s = slow.stall("127.0.0.2", lab.port(), 1, SlowClients.HALF_BODY).get(0);
      s.setSoTimeout(8000);
      String reply;
      try {
        reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      } catch (IOException e) {
        throw new AssertionError("no 408 before the connection ended: " + e, e);
      }
      assertAbout(2000, (System.nanoTime() - t0) / 1_000_000, "the 408 came");
      assertTrue(reply.startsWith("HTTP/1.1 408 "), reply);
      assertTrue(reply.endsWith("{\"error\":\"the request body took too long: 10 of 1000 bytes in 2 s\"}"), reply);
    }
  }

  @Test
  void anIdleKeptConnectionIsClosedAfterTheIdleTimeout() throws Exception {
    try (SlowClients slow = new SlowClients()) {
      Socket s = keptConnection(slow);
      long t0 = System.nanoTime();
      assertAbout(3000, SlowClients.closedAfter(s, t0, 8000), "an idle kept connection was closed");
    }
  }
}
