package dev.shellcamp.lab.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.lab.server.LabServerExtension;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The built-in server is the reference: every case passes against it, for both models. */
class ProbeBuiltinServerTest {
  @RegisterExtension
  static final LabServerExtension lab = new LabServerExtension();

  @Test
  void everyCasePassesForHalfPlusTwoAndExitIsZero() {
    ProbeRun r = ProbeRun.quick(lab.url());
    assertEquals(0, r.code(), r.all());
    assertTrue(r.out().startsWith("lab check " + lab.url() + " · model half_plus_two\n"), r.all());
    assertTrue(r.out().endsWith("\n30 passed, 0 failed, 0 warned, 0 skipped\n"), r.all());
    assertTrue(r.line("nan-in-data").matches("✓ nan-in-data +400 in \\d+ ms, and the server still serves"), r.all());
    r.assertStatus("body-over-1mib", 413);
    r.assertStatus("wrong-content-type", 415);
    r.assertStatus("unknown-model", 404);
    assertTrue(r.line("golden-batch-64").contains("64 rows right"), r.all());
    assertTrue(r.line("latency-slo").matches("✓ latency-slo +p95 .* ms \\(SLO 50 ms\\), p99 .* ms \\(SLO 100 ms\\) at .*"
        + " of 20 req/s for 1 s, 20/20 ok"), r.all());
    assertTrue(r.line("metrics-count").contains("shellcamp_lab_requests_total{model=\"half_plus_two\","
        + "endpoint=\"infer\",code=\"200\"} grew by exactly 10 after 10 infer requests"), r.all());
  }

  @Test
  @SuppressWarnings("unchecked")
  void irisAsOneJsonDocument() throws Exception {
    ProbeRun r = ProbeRun.quick(lab.url(), "--model", "iris", "--json");
    assertEquals(0, r.code(), r.all());
    // the JSON is also YAML, and the project already reads YAML
    var doc = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(r.out());
    assertEquals("iris", doc.get("model"));
    assertEquals(true, doc.get("ok"));
    assertEquals(0, doc.get("failed"));
    var cases = (List<Map<String, Object>>) doc.get("cases");
    assertEquals(cases.size(), doc.get("passed"), r.out());
    Set<String> ids = cases.stream().map(c -> (String) c.get("id")).collect(Collectors.toSet());
    assertTrue(ids.containsAll(List.of("live", "ready", "server-metadata", "model-metadata", "model-ready",
        "golden-one", "golden-batch", "golden-borderline", "id-echoed", "latency-slo", "metrics-count")), ids.toString());
    long badInput = cases.stream().filter(c -> List.of(400L, 413L, 415L, 404L).stream()
        .anyMatch(code -> ((String) c.get("reason")).startsWith(code + " in"))).count();
    assertTrue(badInput >= 12, "at least 12 bad-input cases, got " + badInput);
    var latency = cases.stream().filter(c -> c.get("id").equals("latency-slo")).findFirst().orElseThrow();
    var details = (Map<String, Object>) latency.get("details");
    assertEquals(20.0, details.get("target_rate"));
    assertEquals(50.0, details.get("slo_p95_ms"));
    assertTrue(details.keySet().containsAll(List.of("p95_ms", "p99_ms", "achieved_rate", "errors")), details.toString());
  }

  @Test
  void aTightSloFailsWithTheFiguresAndTheRestStillRuns() {
    ProbeRun r = ProbeRun.quick(lab.url(), "--slo-p95", "1ms", "--slo-p99", "1ms", "--rate", "50");
    String line = r.line("latency-slo");
    if (line.startsWith("✓")) {
      return; // a machine this fast has nothing to show here
    }
    assertEquals(1, r.code(), r.all());
    assertTrue(line.matches("✗ latency-slo +p9[59] is over its SLO: p95 .* ms \\(SLO 1 ms\\), p99 .*"), r.all());
    assertTrue(r.out().endsWith("\n29 passed, 1 failed, 0 warned, 0 skipped\n"), r.all());
  }
}
