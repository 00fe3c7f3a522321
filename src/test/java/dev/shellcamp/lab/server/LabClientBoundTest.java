package dev.shellcamp.lab.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.Await;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One client address may hold at most 64 connections (the default): the 65th is answered 503
 * and closed, while other addresses are served as usual, and a slot freed is a slot usable again.
 */
class LabClientBoundTest {
  private static final int BOUND = 64;
  private static final String LIVE = "GET /v2/health/live HTTP/1.1\r\nHost: x\r\n\r\n";
  @RegisterExtension
  static final LabServerExtension lab = new LabServerExtension();

  /** {@code BOUND} kept connections from {@code from}, each with a request answered (so the server saw them all). */
  private static void fill(SlowClients c, String from, java.util.List<Socket> kept) throws Exception {
    for (int i = 0; i < BOUND; i++) {
      Socket s = c.connect(from, lab.port());
      SlowClients.send(s, LIVE);
      String reply = SlowClients.readResponse(s);
      assertTrue(reply.startsWith("HTTP/1.1 200 "), "connection " + (i + 1) + ": " + reply);
      kept.add(s);
    }
  }

  @Test
  void theConnectionPastTheBoundGets503AndOtherAddressesAreServed() throws Exception {
    try (SlowClients c = new SlowClients()) {
      java.util.List<Socket> kept = new java.util.ArrayList<>();
      fill(c, "127.0.0.3", kept);
      Socket over = c.connect("127.0.0.3", lab.port());
      over.setSoTimeout(3000);
      SlowClients.send(over, LIVE);
      String reply = new String(over.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      over.close();
      assertTrue(reply.startsWith("HTTP/1.1 503 "), reply);
      String lower = reply.toLowerCase();
      assertTrue(lower.contains("\r\nconnection: close\r\n") && lower.contains("\r\nretry-after: 1\r\n"), reply);
      assertTrue(reply.endsWith("{\"error\":\"too many connections from 127.0.0.3: at most " + BOUND
          + " at once per client address; reuse connections (keep-alive) or close some\"}"), reply);

      assertTrue(SlowClients.readyMillis(lab.port(), 1000) >= 0, "127.0.0.1 is served meanwhile");
      Socket another = c.connect("127.0.0.4", lab.port());
      SlowClients.send(another, LIVE);
      assertTrue(SlowClients.readResponse(another).startsWith("HTTP/1.1 200 "), "and so is 127.0.0.4");

      kept.remove(0).close();
      String[] again = new String[1];
      Await.upTo(Duration.ofSeconds(3), () -> {
        try (Socket s = c.connect("127.0.0.3", lab.port())) {
          SlowClients.send(s, LIVE);
          again[0] = SlowClients.readResponse(s);
        }
        return again[0].startsWith("HTTP/1.1 200 ");
      });
      assertTrue(again[0].startsWith("HTTP/1.1 200 "), "a closed connection frees its slot: " + again[0]);
    }
  }

  @Test
  void aSilentConnectionPastTheBoundIsClosedWithinASecond() throws Exception {
    try (SlowClients c = new SlowClients()) {
      fill(c, "127.0.0.5", new java.util.ArrayList<>());
      long t0 = System.nanoTime();
      Socket over = c.connect("127.0.0.5", lab.port());
      long ms = SlowClients.closedAfter(over, t0, 5000);
      assertTrue(ms < 1800, "closed after " + ms + " ms");
    }
  }
}
