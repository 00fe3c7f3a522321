package dev.shellcamp.lab.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe against a third-party server: a FastAPI + pydantic app under uvicorn, the example a
 * learner could write (test resource probe/fastapi_half_plus_two.py). Skipped, with the reason,
 * where FastAPI is not installed, unless SHELLCAMP_REQUIRE names fastapi (CI installs it, so
 * there a missing FastAPI is a failure).
 */
class ProbeFastApiTest {
  @TempDir Path dir;

  @BeforeEach
  void needsFastApi() {
    String missing = ProbeFastApi.unavailable();
    if (missing != null) {
      if (System.getenv().getOrDefault("SHELLCAMP_REQUIRE", "").contains("fastapi")) {
        fail("SHELLCAMP_REQUIRE contains fastapi, but " + missing);
      }
      Assumptions.abort("FastAPI test skipped: " + missing);
    }
  }

  @Test
  void theFastApiExamplePassesEveryCase() throws Exception {
    try (ProbeFastApi app = new ProbeFastApi(dir, ProbeFastApi.source())) {
      ProbeRun r = ProbeRun.quick(app.url);
      assertEquals(0, r.code(), r.all() + "\nuvicorn log:\n" + app.log());
      assertTrue(r.out().endsWith("\n30 passed, 0 failed, 0 skipped\n"), r.all());
      assertTrue(r.line("server-metadata").contains("fastapi-half-plus-two 1.0"), r.all());
      // FastAPI's own 422 for what pydantic refuses and the handler's 400 both turn bad input down
      assertTrue(r.line("nan-in-data").contains(" 422 in "), r.all());
      assertTrue(r.line("wrong-datatype").contains(" 400 in "), r.all());
      assertTrue(r.line("body-over-1mib").contains(" 413 in "), r.all());
      assertTrue(r.line("wrong-content-type").contains(" 415 in "), r.all());
      assertTrue(r.line("metrics-count").contains("http_requests_total{endpoint=\"infer\",code=\"200\"} grew by"
          + " exactly 10"), r.all());
    }
  }

  @Test
  void withoutItsGuardMiddlewareTheBodyLimitAndTheCountersFail() throws Exception {
    // the app as a learner first writes it: FastAPI alone sets no body limit and counts nothing
    String naive = ProbeFastApi.source().replace("\napp.add_middleware(Guard)\n", "\n");
    try (ProbeFastApi app = new ProbeFastApi(dir, naive)) {
      ProbeRun r = ProbeRun.quick(app.url);
      assertEquals(1, r.code(), r.all());
      assertTrue(r.line("body-over-1mib").matches("✗ body-over-1mib +expected 4xx \\(400, 413 or 422\\), got 200"
          + " after \\d+ ms: the server accepted a 1.5 MiB body \\(refuse bodies over 1 MiB with 413\\)"), r.all());
      assertTrue(r.line("metrics-count").matches("✗ metrics-count +nothing in /metrics changed after 10 infer"
          + " requests; .*"), r.all());
      assertTrue(r.line("wrong-content-type").contains(" 422 in "), "FastAPI's 422 for a text body is accepted: " + r.all());
      assertTrue(r.out().endsWith("\n28 passed, 2 failed, 0 skipped\n"), r.all());
    }
  }
}
