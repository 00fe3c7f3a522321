package dev.shellcamp.lab.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The probe against a V2 server written apart with Python's http.server
 * (probe/stdlib_half_plus_two.py): right by the protocol, without the hardening the probe
 * likes, so it passes with warnings; and the same server with one bug each, which must fail
 * the case that names the bug.
 */
class ProbeStdlibServerTest {
  static final String MODULE = "stdlib_half_plus_two";
  static final String ADVICE = "hardening advice, not in V2: a warning here does not fail the check";

  @RegisterExtension
  final PythonServers servers = new PythonServers("http.server", "python3");

  @Test
  void aServerRightByTheProtocolPassesAndTheMissingHardeningWarns() throws Exception {
    ProbeRun r = servers.script(MODULE).passes();
    List<String> warned = List.of("unknown-input", "empty-batch", "body-over-1mib", "wrong-content-type", "metrics-count");
    for (String id : warned) {
      assertTrue(r.line(id).startsWith("! "), id + " warns: " + r.all());
      assertEquals(ADVICE, r.heading(id), r.all());
    }
    assertTrue(r.line("unknown-input").contains("the server accepted an input named 'no_such_input'"), r.all());
    assertTrue(r.line("body-over-1mib").contains("got 200"), r.all());
    assertEquals("V2 health: GET /v2/health/live, /v2/health/ready", r.heading("live"), r.all());
    assertEquals("V2 errors: a request V2 cannot take gets a 4xx and {\"error\": \"...\"}", r.heading("nan-in-data"),
        r.all());
    assertEquals("V2 inference: POST /v2/models/{name}/infer, the request and response JSON", r.heading("id-echoed"),
        r.all());
    assertTrue(r.out().endsWith("\n25 passed, 0 failed, 5 warned, 0 skipped\n"
        + "warnings, hardening advice the protocol does not ask for (they do not fail the check): "
        + String.join(", ", warned) + "\n"), r.all());
  }

  @Test
  @SuppressWarnings("unchecked")
  void itsJsonNamesEachCasesSectionAndTheWarnings() throws Exception {
    ProbeRun r = servers.script(MODULE).passes("--json");
    var doc = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(r.out());
    assertEquals(true, doc.get("ok"));
    assertEquals(5, doc.get("warned"));
    assertEquals(List.of("unknown-input", "empty-batch", "body-over-1mib", "wrong-content-type", "metrics-count"),
        doc.get("warnings"));
    var cases = (List<Map<String, Object>>) doc.get("cases");
    var byId = cases.stream().collect(java.util.stream.Collectors.toMap(c -> (String) c.get("id"), c -> c));
    assertEquals(Map.of("status", "warned", "section", "hardening", "required", false),
        pick(byId.get("body-over-1mib")), r.out());
    assertEquals(Map.of("status", "passed", "section", "errors", "required", true), pick(byId.get("nan-in-data")));
    assertEquals(Map.of("status", "passed", "section", "model-metadata", "required", true),
        pick(byId.get("model-metadata")));
    assertEquals(Map.of("status", "passed", "section", "objective", "required", true), pick(byId.get("latency-slo")));
  }

  private static Map<String, Object> pick(Map<String, Object> c) {
    return Map.of("status", c.get("status"), "section", c.get("section"), "required", c.get("required"));
  }

  /** One bug each: what to change in the source, the case that must fail, and how its line reads. */
  static Stream<Arguments> bugs() {
    return Stream.of(
        Arguments.of("wrong math", "ys = [0.5 * v + 2 for v in xs]", "ys = [0.5 * v + 2.5 for v in xs]", "golden-one",
            "✗ golden-one +output 'y' data\\[0\\] = 3.0, expected 2.5 \\(tolerance .*\\)"),
        Arguments.of("wrong shape", "\"shape\": shape, \"data\": ys", "\"shape\": [1] + shape, \"data\": ys",
            "golden-batch", "✗ golden-batch +output 'y' has shape \\[1, 3\\], expected \\[3\\]"),
        Arguments.of("wrong status", "BAD_REQUEST = 400", "BAD_REQUEST = 500", "nan-in-data",
            "✗ nan-in-data +expected 4xx \\(400 or 422\\), got 500 after \\d+ ms \\(a client's mistake .*\\)"),
        Arguments.of("success status for an error", "BAD_REQUEST = 400", "BAD_REQUEST = 200", "missing-inputs",
            "✗ missing-inputs +expected 4xx \\(400 or 422\\), got 200 after \\d+ ms: the server accepted a request"
                + " without 'inputs'"),
        Arguments.of("not V2's error body", "{\"error\": str(e)}", "{\"detail\": str(e)}", "malformed-json",
            "✗ malformed-json +got 400 as expected, but the body is not the protocol's error response"
                + " \\{\"error\": \"message\"\\}: \\{\"detail\":\"the body is not JSON: .*"),
        Arguments.of("no id echoed", "out[\"id\"] = doc[\"id\"]", "pass", "id-echoed",
            "✗ id-echoed +sent \"id\": \"probe-42\", the answer's \"id\" is null \\(V2 echoes the request id\\)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bugs")
  void aBugFailsTheCaseThatNamesIt(String bug, String right, String wrong, String id, String line) throws Exception {
    String source = ProbePython.source(MODULE);
    assertEquals(1, source.split(java.util.regex.Pattern.quote(right), -1).length - 1, "'" + right + "' once in " + MODULE);
    ProbePython app = servers.script(MODULE, source.replace(right, wrong));
    ProbeRun r = ProbeRun.lenient(app.url);
    assertEquals(1, r.code(), bug + ": " + r.all());
    assertTrue(r.line(id).matches(line), bug + ":\n" + r.line(id) + "\n" + r.all());
  }
}
