package dev.shellcamp.lab.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.CommandRun;
import dev.shellcamp.cli.LabLoadCommand;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** `lab load` as the learner runs it: exit codes, messages and the --json document. */
class LoadTestCommandTest {
  static CommandRun load(String... args) {
    return CommandRun.of(new LabLoadCommand(), args);
  }

  @Test
  void nothingListeningIsAnEnvironmentError() throws Exception {
    CommandRun r = load("http://127.0.0.1:" + LoadTestServer.closedPort() + "/v2", "--rate", "10", "--duration", "1s");
    assertEquals(3, r.code(), r.err());
    assertTrue(r.err().contains("nothing answers at") && r.err().contains("refused"), r.err());
  }

  @Test
  void badDurationsRatesAndUrlsAreUsageErrorsThatSayWhy() {
    String url = "http://127.0.0.1:9/";
    CommandRun bare = load(url, "--rate", "10", "--duration", "10");
    assertEquals(2, bare.code());
    assertTrue(bare.err().contains("--duration: cannot read \"10\"") && bare.err().contains("10s"), bare.err());
    CommandRun junk = load(url, "--rate", "10", "--warmup", "soon");
    assertEquals(2, junk.code());
    assertTrue(junk.err().contains("--warmup: cannot read \"soon\""), junk.err());
    CommandRun zero = load(url, "--rate", "0");
    assertEquals(2, zero.code());
    assertTrue(zero.err().contains("--rate must be more than 0"), zero.err());
    CommandRun negative = load(url, "--rate", "-5");
    assertEquals(2, negative.code());
    CommandRun ftp = load("ftp://127.0.0.1/", "--rate", "10");
    assertEquals(2, ftp.code());
    assertTrue(ftp.err().contains("not an http:// or https:// URL"), ftp.err());
    CommandRun spaces = load("http://a b/", "--rate", "10");
    assertEquals(2, spaces.code());
    assertTrue(spaces.err().contains("not a URL"), spaces.err());
    CommandRun missing = load(url);
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("--rate"), missing.err());
  }

  @Test
  void durationsReadTheUnitsPeopleWrite() {
    assertEquals(Duration.ofMillis(500), LoadPlan.parseDuration("--duration", "500ms"));
    assertEquals(Duration.ofSeconds(10), LoadPlan.parseDuration("--duration", "10s"));
    assertEquals(Duration.ofMillis(1500), LoadPlan.parseDuration("--duration", "1.5s"));
    assertEquals(Duration.ofSeconds(90), LoadPlan.parseDuration("--duration", "1m30s"));
    assertEquals(Duration.ofHours(1), LoadPlan.parseDuration("--duration", "1h"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void jsonHasEveryPartOfTheReport() throws Exception {
    try (var server = new LoadTestServer(Executors.newFixedThreadPool(2), n -> LoadTestServer.Reply.ok())) {
      CommandRun r = load(server.uri().toString(), "--rate", "50", "--duration", "1s", "--warmup", "200ms",
          "--expect", "outputs", "--json");
      assertEquals(0, r.code(), r.err());
      // the JSON is also YAML, and the project already reads YAML
      var doc = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(r.out());
      assertTrue(doc.keySet().containsAll(List.of("url", "method", "target_rate", "achieved_rate", "duration_s",
          "warmup_s", "connections", "requests", "errors", "latency_ms", "timeline", "histogram", "saturated",
          "warnings")), doc.keySet().toString());
      assertEquals(50, ((Map<String, Object>) doc.get("requests")).get("sent"));
      assertEquals(50, ((Map<String, Object>) doc.get("requests")).get("ok"));
      assertTrue(((Map<String, Object>) doc.get("latency_ms")).keySet()
          .containsAll(List.of("p50", "p90", "p95", "p99", "p99_9", "max")), r.out());
      assertTrue(((Map<String, Object>) doc.get("errors")).keySet()
          .containsAll(List.of("connect", "timeout", "status", "body")), r.out());
      var second = ((List<Map<String, Object>>) doc.get("timeline")).get(0);
      assertTrue(second.keySet().containsAll(List.of("second", "sent", "ok", "errors", "p99_ms")), r.out());
      assertTrue(!((List<?>) doc.get("histogram")).isEmpty(), r.out());
    }
  }
}
