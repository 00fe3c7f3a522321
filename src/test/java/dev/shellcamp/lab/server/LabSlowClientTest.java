package dev.shellcamp.lab.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clients that open a connection and then stall (half a request line, headers with no blank
 * line, a body that never arrives) or dribble a header byte every 2 s (slowloris) must not delay
 * anyone else. Before the first fix four of them stopped the whole server (issue 19). The slow
 * clients come from 127.0.0.2, the normal requests from 127.0.0.1, as from two machines; the
 * server runs with its default limits. Hanging up on them is {@link LabTimeoutsTest}.
 */
class LabSlowClientTest {
  @RegisterExtension
  static final LabServerExtension lab = new LabServerExtension();

  /** {@code n} slow clients of every kind (n / 4 each), and 60 normal requests meanwhile. */
  private static void othersKeepTheirLatency(int n) throws Exception {
    int port = lab.port();
    try (SlowClients slow = new SlowClients()) {
      slow.stall("127.0.0.2", port, n / 4, SlowClients.HALF_LINE);
      slow.stall("127.0.0.2", port, n / 4, SlowClients.HALF_HEADERS);
      slow.stall("127.0.0.2", port, n / 4, SlowClients.HALF_BODY);
      slow.slowloris("127.0.0.2", port, n - 3 * (n / 4), Duration.ofSeconds(2));
      List<Long> ms = SlowClients.normalLatencies(port, 60);
      long p95 = SlowClients.p95(ms);
      System.out.println("[slow-clients] " + n + " slow: p95 " + p95 + " ms, max "
          + ms.stream().mapToLong(Long::longValue).max().orElse(0) + " ms over " + ms.size() + " requests");
      assertTrue(ms.stream().allMatch(m -> m >= 0), n + " slow clients; some request got no answer in 3 s: " + ms);
      assertTrue(p95 < 500, n + " slow clients: p95 " + p95 + " ms; latencies (ms) " + ms);
    }
  }

  @Test
  void fourSlowClientsDoNotDelayOthers() throws Exception {
    othersKeepTheirLatency(4);
  }

  @Test
  void fiftySlowClientsDoNotDelayOthers() throws Exception {
    othersKeepTheirLatency(50);
  }
}
