package dev.shellcamp.lab.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.lab.LabText;
import org.junit.jupiter.api.Test;

/** A server with a learner's typical bugs: each bug fails its own case, with a reason that says what happened. */
class ProbeBrokenServerTest {
  @Test
  void eachBugFailsItsCaseWithASpecificReasonAndExitIsOne() throws Exception {
    try (ProbeBrokenServer server = new ProbeBrokenServer()) {
      ProbeRun r = ProbeRun.quick(server.url());
      assertEquals(1, r.code(), r.all());
      assertTrue(r.line("nan-in-data").matches("✗ nan-in-data +expected 4xx \\(400 or 422\\), got 500 after \\d+ ms"
          + " \\(a client's mistake must not look like the server's\\)"), r.all());
      assertTrue(r.line("infinity-in-data").matches("✗ infinity-in-data +expected 4xx \\(400 or 422\\), got the"
          + " connection closed without an answer after \\d+ ms"), r.all());
      assertTrue(r.line("strings-in-data").matches("✗ strings-in-data +got 422 as expected, but the good request"
          + " right after it failed: expected 200, got the connection closed without an answer after \\d+ ms"), r.all());
      assertTrue(r.line("metrics-count").matches("! metrics-count +no /metrics"
          + " \\(GET /metrics: 404 after \\d+ ms\\); .*"), "no /metrics is a warning, not a failure: " + r.all());
      assertTrue(r.line("golden-batch").startsWith("✓"), "what it does right still passes:\n" + r.all());
      assertTrue(r.line("latency-slo").startsWith("✓"), r.all());
      assertTrue(r.out().endsWith("\n26 passed, 3 failed, 1 warned, 0 skipped\n"
          + "warnings, hardening advice the protocol does not ask for (they do not fail the check): metrics-count\n"),
          r.all());
    }
  }

  @Test
  void theFirstFailureReadsAsALessonCheckReason() throws Exception {
    try (ProbeBrokenServer server = new ProbeBrokenServer()) {
      var o = ProbeSuite.Options.defaults(java.net.URI.create(server.url()));
      o = new ProbeSuite.Options(o.base(), o.model(), o.rate(), java.time.Duration.ofMillis(500), java.time.Duration.ZERO,
          o.sloP95(), o.sloP99(), o.timeout());
      ProbeReport report = ProbeSuite.run(o);
      assertTrue(report.firstFailure(LabText.ENGLISH).matches("case `nan-in-data`: expected 4xx \\(400 or 422\\), got 500 after \\d+ ms"
          + " .*"), report.firstFailure(LabText.ENGLISH));
      assertEquals("26 passed, 3 failed, 1 warned, 0 skipped", report.summary(LabText.ENGLISH));
    }
  }
}
