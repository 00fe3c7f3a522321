package dev.shellcamp.lab.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The probe against third-party FastAPI servers under uvicorn: the example a learner could write
 * (probe/fastapi_half_plus_two.py: pydantic and a guarding middleware), and one written apart in
 * another style (probe/fastapi_plain_half_plus_two.py: raw bodies checked by hand, no hardening).
 * Skipped, with the reason, where FastAPI is not installed, unless SHELLCAMP_REQUIRE names
 * fastapi (CI installs it, so there a missing FastAPI is a failure).
 */
class ProbeFastApiTest {
  static final String EXAMPLE = "fastapi_half_plus_two";
  static final String PLAIN = "fastapi_plain_half_plus_two";

  @RegisterExtension
  final PythonServers servers = new PythonServers("fastapi, uvicorn", "fastapi");

  @Test
  void theFastApiExamplePassesEveryCase() throws Exception {
    ProbeRun r = servers.uvicorn(EXAMPLE).passes();
    assertTrue(r.out().endsWith("\n30 passed, 0 failed, 0 warned, 0 skipped\n"), r.all());
    assertTrue(r.line("server-metadata").contains("fastapi-half-plus-two 1.0"), r.all());
    // FastAPI's own 422 for what pydantic refuses and the handler's 400 both turn bad input down
    r.assertStatus("nan-in-data", 422);
    r.assertStatus("wrong-datatype", 400);
    r.assertStatus("body-over-1mib", 413);
    r.assertStatus("wrong-content-type", 415);
    assertTrue(r.line("metrics-count").contains("http_requests_total{endpoint=\"infer\",code=\"200\"} grew by"
        + " exactly 10"), r.all());
  }

  @Test
  void withoutItsGuardMiddlewareTheBodyLimitAndTheCountersOnlyWarn() throws Exception {
    // the app as a learner first writes it: FastAPI alone sets no body limit and counts nothing
    String naive = ProbePython.source(EXAMPLE).replace("\napp.add_middleware(Guard)\n", "\n");
    ProbeRun r = servers.uvicorn(EXAMPLE, naive).passes(); // V2 asks for neither, so the run passes
    assertTrue(r.line("body-over-1mib").matches("! body-over-1mib +expected 4xx \\(400, 413 or 422\\), got 200"
        + " after \\d+ ms: the server accepted a 1.5 MiB body \\(refuse bodies over 1 MiB with 413\\)"), r.all());
    assertTrue(r.line("metrics-count").matches("! metrics-count +nothing in /metrics changed after 10 infer"
        + " requests; .*"), r.all());
    assertTrue(r.line("wrong-content-type").contains(" 422 in "), "FastAPI's 422 for a text body is accepted: " + r.all());
    assertTrue(r.out().endsWith("\n28 passed, 0 failed, 2 warned, 0 skipped\n"
        + "warnings, hardening advice the protocol does not ask for (they do not fail the check):"
        + " body-over-1mib, metrics-count\n"), r.all());
  }

  @Test
  void aFastApiServerWrittenApartPassesTheProtocolWithWarnings() throws Exception {
    ProbeRun r = servers.uvicorn(PLAIN).passes();
    assertTrue(r.line("server-metadata").contains("plain-fastapi 2024.1"), r.all());
    assertTrue(r.line("unknown-input").startsWith("✓"), "it refuses names it does not know: " + r.all());
    assertTrue(r.line("wrong-content-type").matches("! wrong-content-type +expected 4xx \\(400, 415 or 422\\),"
        + " got 200 after \\d+ ms: the server accepted a JSON body sent as text/plain"), r.all());
    // FastAPI answers a path it has no route for with {"detail": "Not Found"}: no /metrics
    assertTrue(r.line("metrics-count").matches("! metrics-count +no /metrics \\(GET /metrics: 404 after \\d+ ms\\);"
        + " .*"), r.all());
    assertTrue(r.out().endsWith("\n27 passed, 0 failed, 3 warned, 0 skipped\n"
        + "warnings, hardening advice the protocol does not ask for (they do not fail the check):"
        + " body-over-1mib, wrong-content-type, metrics-count\n"), r.all());
  }
}
