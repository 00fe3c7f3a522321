package dev.shellcamp.lab.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.lab.load.LoadTestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Exit codes and messages of `lab check` that need no working server. */
class ProbeCommandTest {
  @Test
  void nothingListeningExitsThreeAndSaysWhere() throws Exception {
    String url = "http://127.0.0.1:" + LoadTestServer.closedPort();
    ProbeRun r = ProbeRun.check(url);
    assertEquals(3, r.code(), r.all());
    assertTrue(r.err().startsWith("lab check: nothing answers at " + url + ": connection refused"), r.all());
    ProbeRun json = ProbeRun.check(url, "--json");
    assertEquals(3, json.code());
    assertTrue(json.out().contains("\"error\": \"nothing answers at " + url), json.all());
  }

  @Test
  void somethingThatDoesNotSpeakHttpExitsThree() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread hangUp = new Thread(() -> {
        while (!listener.isClosed()) {
          try (Socket s = listener.accept()) {
            s.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
          } catch (IOException closed) {
            // the test is over
          }
        }
      });
      hangUp.setDaemon(true);
      hangUp.start();
      String url = "http://127.0.0.1:" + listener.getLocalPort();
      ProbeRun r = ProbeRun.quick(url);
      assertEquals(3, r.code(), r.all());
      assertTrue(r.err().contains("lab check: something listens at " + url + ", but no request got an HTTP answer"),
          r.all());
      assertTrue(r.line("live").startsWith("✗ live  "), r.all());
    }
  }

  @Test
  void usageMistakesExitTwoAndSayWhy() {
    ProbeRun model = ProbeRun.check("http://127.0.0.1:9", "--model", "resnet");
    assertEquals(2, model.code());
    assertTrue(model.err().contains("no golden set for model 'resnet'; it knows half_plus_two and iris"), model.all());
    ProbeRun slo = ProbeRun.check("http://127.0.0.1:9", "--slo-p95", "50");
    assertEquals(2, slo.code());
    assertTrue(slo.err().contains("--slo-p95: cannot read \"50\"") && slo.err().contains("50ms"), slo.all());
    ProbeRun rate = ProbeRun.check("http://127.0.0.1:9", "--rate", "0");
    assertEquals(2, rate.code());
    assertTrue(rate.err().contains("--rate must be more than 0"), rate.all());
    ProbeRun url = ProbeRun.check("ftp://127.0.0.1/");
    assertEquals(2, url.code());
    assertTrue(url.err().contains("not an http:// or https:// URL"), url.all());
  }

  @Test
  void prometheusLinesAreReadWithLabelsThatHoldBracesAndInfinity() {
    var m = ProbeMetrics.parse("""
        # HELP a_total A.
        # TYPE a_total counter
        a_total{path="/x}",code="200"} 7
        b 1.5e3 1700000000000
        h_bucket{le="+Inf"} +Inf
        not a sample
        """);
    assertEquals(7.0, m.get("a_total{path=\"/x}\",code=\"200\"}"));
    assertEquals(1500.0, m.get("b"));
    assertEquals(Double.POSITIVE_INFINITY, m.get("h_bucket{le=\"+Inf\"}"));
    assertEquals(3, m.size(), m.toString());
  }
}
