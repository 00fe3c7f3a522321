package dev.shellcamp.lab.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.lab.LabText;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The generator against real local HTTP servers: a fast one, a stalling one, a failing one. */
public class LoadTest {
  public static LoadPlan plan(URI url, double rate, long durationMs, long warmupMs, String expect) {
    return new LoadPlan(url, rate, Duration.ofMillis(durationMs), Duration.ofMillis(warmupMs), 32,
        Duration.ofSeconds(2), "POST", LoadPlan.DEFAULT_BODY, expect);
  }

  @Test
  void fastServerGetsTheTargetRateWithoutErrors() throws Exception {
    try (var server = new LoadTestServer(Executors.newFixedThreadPool(4), n -> LoadTestServer.Reply.ok())) {
      LoadReport r = new LoadGenerator(plan(server.uri(), 200, 2000, 500, "\"outputs\"")).run();
      String text = LoadRenderer.render(r, LabText.ENGLISH);
      assertEquals(400, r.sent(), text);
      assertEquals(400, r.ok(), text);
      assertEquals(0, r.errors().total(), text);
      assertEquals(200, r.achievedRate(), 10, text);
      assertTrue(r.latency().p99() < 100, text);
      assertEquals(2, r.timeline().size(), text);
      assertTrue(text.contains("latency histogram") && text.contains("█") && text.contains("per second"), text);
      // the warm-up's requests reached the server but not the report
      assertTrue(server.requests.get() >= 500, "server saw " + server.requests.get());
    }
  }

  @Test
  void aOneSecondStallShowsInTheTailEvenThoughOnlyOneRequestWasSlow() throws Exception {
    // one thread: everything that arrives during the stall queues behind it, as on a real
    // server with a GC pause. A closed-loop tester would have sent nothing during that second
    // and reported one slow request in ~300; from the intended send times, ~100 requests were late.
    var stalled = LoadTestServer.Reply.ok();
    try (var server = new LoadTestServer(Executors.newSingleThreadExecutor(),
        n -> n == 100 ? new LoadTestServer.Reply(200, stalled.body(), 1000) : stalled)) {
      LoadReport r = new LoadGenerator(plan(server.uri(), 100, 3000, 500, null)).run();
      String text = LoadRenderer.render(r, LabText.ENGLISH);
      System.out.println("stall test: p50 " + r.latency().p50() + " ms, p99 " + r.latency().p99() + " ms, max "
          + r.latency().max() + " ms, achieved " + r.achievedRate() + " req/s\n" + text);
      assertEquals(300, r.sent(), text);
      assertEquals(0, r.errors().total(), text);
      assertTrue(r.latency().p99() >= 500, text);
      assertTrue(r.latency().max() >= 900, text);
      assertTrue(r.latency().p50() < 100, text);
      // 32 connections fill a third of the way into the stall, so the generator says it waited
      assertTrue(r.warnings().stream().anyMatch(w -> w.toString().startsWith("generator saturated: all 32 connections")), text);
    }
  }

  @Test
  void everyThirdRequestFailingIsCountedByStatus() throws Exception {
    try (var server = new LoadTestServer(Executors.newFixedThreadPool(2),
        n -> n % 3 == 0 ? new LoadTestServer.Reply(500, "{\"error\":\"boom\"}", 0) : LoadTestServer.Reply.ok())) {
      LoadReport r = new LoadGenerator(plan(server.uri(), 100, 1500, 200, null)).run();
      String text = LoadRenderer.render(r, LabText.ENGLISH);
      long failed = r.errors().status().getOrDefault(500, 0L);
      assertEquals(150, r.sent(), text);
      assertEquals(50, failed, 3, text);
      assertEquals(failed, r.errors().total(), text);
      assertEquals(r.sent(), r.ok() + failed, text);
      assertTrue(text.contains("status 500: " + failed), text);
    }
  }

  @Test
  void aBodyWithoutTheExpectedTextIsAWrongBody() throws Exception {
    try (var server = new LoadTestServer(Executors.newFixedThreadPool(2), n -> LoadTestServer.Reply.ok())) {
      LoadReport r = new LoadGenerator(plan(server.uri(), 100, 500, 0, "\"predictions\"")).run();
      assertEquals(50, r.errors().body(), LoadRenderer.render(r, LabText.ENGLISH));
      assertEquals(0, r.ok());
      assertEquals(50, r.answered());
    }
  }

  @Test
  void anAnswerLaterThanTheTimeoutIsATimeoutAndStillCountsAsLatency() throws Exception {
    try (var server = new LoadTestServer(Executors.newFixedThreadPool(4),
        n -> new LoadTestServer.Reply(200, "{}", 400))) {
      var plan = new LoadPlan(server.uri(), 20, Duration.ofMillis(500), Duration.ZERO, 32,
          Duration.ofMillis(100), "POST", LoadPlan.DEFAULT_BODY, null);
      LoadReport r = new LoadGenerator(plan).run();
      String text = LoadRenderer.render(r, LabText.ENGLISH);
      assertEquals(10, r.errors().timeout(), text);
      assertEquals(10, r.latency().count(), text);
      assertTrue(r.latency().p50() >= 100, text);
      assertTrue(text.contains("timeout 10"), text);
    }
  }

  @Test
  void aClosedPortGivesConnectErrorsAndNoLatencies() throws Exception {
    URI nowhere = URI.create("http://127.0.0.1:" + LoadTestServer.closedPort() + "/");
    LoadReport r = new LoadGenerator(plan(nowhere, 50, 400, 0, null)).run();
    assertEquals(20, r.errors().connect(), LoadRenderer.render(r, LabText.ENGLISH));
    assertEquals(0, r.answered());
    assertEquals(0, r.latency().count());
    assertTrue(LoadGenerator.unreachable(nowhere, Duration.ofSeconds(1)).toString().contains("refused"));
  }
}
