package dev.shellcamp.lab.probe;

import dev.shellcamp.lab.LabText;
import dev.shellcamp.lab.json.JsonException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cases that read the protocol's own answers: health, metadata, readiness, the golden set
 * and the echoed request id. Kept apart from the bad-input cases, which only look at statuses.
 */
final class ProbeProtocol {
  private final ProbeHttp http;
  private final ProbeModel model;
  /** The input names the server's metadata declared; empty until model-metadata has run, or if it failed. */
  private List<String> declaredInputs = List.of();

  ProbeProtocol(ProbeHttp http, ProbeModel model) {
    this.http = http;
    this.model = model;
  }

  List<String> declaredInputs() {
    return declaredInputs;
  }

  String inferPath() {
    return "/v2/models/" + model.name() + "/infer";
  }

  void run(List<ProbeResult> out) {
    out.add(ok200("live", "/v2/health/live").in(ProbeSection.HEALTH));
    out.add(ok200("ready", "/v2/health/ready").in(ProbeSection.HEALTH));
    out.add(serverMetadata().in(ProbeSection.SERVER_METADATA));
    out.add(modelMetadata().in(ProbeSection.MODEL_METADATA));
    out.add(modelReady().in(ProbeSection.MODEL_READY));
    for (ProbeModel.Golden g : model.golden()) {
      ProbeHttp.Answer a = http.post(inferPath(), model.request(g));
      LabText p = ProbeGolden.problem(a, g);
      out.add((p == null ? ProbeResult.pass(g.id(), LabText.of(g.rows() == 1 ? "lab.golden.right.one" : "lab.golden.right",
          g.rows(), a.millis())) : ProbeResult.fail(g.id(), p)).in(ProbeSection.INFERENCE));
    }
    out.add(idEchoed().in(ProbeSection.INFERENCE));
  }

  private ProbeResult ok200(String id, String path) {
    ProbeHttp.Answer a = http.get(path);
    return a.is(200) ? ProbeResult.pass(id, LabText.of("lab.get.ok", path, a.millis()))
        : ProbeResult.fail(id, LabText.of("lab.get.expected-200", path, a.describe()));
  }

  /** The answer to GET path as a JSON object, or the reason it is not one (as a LabText). */
  private Object object(String path) {
    ProbeHttp.Answer a = http.get(path);
    if (!a.is(200)) {
      return LabText.of("lab.get.expected-200", path, a.describe());
    }
    try {
      return a.json() instanceof Map<?, ?> m ? m : LabText.of("lab.get.not-object", path, a.excerpt());
    } catch (JsonException e) {
      return LabText.of("lab.get.not-json", path, e.getMessage());
    }
  }

  private ProbeResult serverMetadata() {
    String id = "server-metadata";
    Object doc = object("/v2");
    if (!(doc instanceof Map<?, ?> m)) {
      return ProbeResult.fail(id, (LabText) doc);
    }
    for (String field : List.of("name", "version")) {
      if (!(m.get(field) instanceof String s) || s.isBlank()) {
        return ProbeResult.fail(id, LabText.of("lab.meta.server-field", field, ProbeGolden.described(m.get(field))));
      }
    }
    return ProbeResult.pass(id, LabText.of("lab.meta.server", m.get("name"), m.get("version")));
  }

  private ProbeResult modelMetadata() {
    String id = "model-metadata";
    String path = "/v2/models/" + model.name();
    Object doc = object(path);
    if (!(doc instanceof Map<?, ?> m)) {
      return ProbeResult.fail(id, (LabText) doc);
    }
    if (!model.name().equals(m.get("name"))) {
      return ProbeResult.fail(id, LabText.of("lab.meta.name", path, ProbeGolden.described(m.get("name")),
          model.name()));
    }
    List<String> inputs = names(m.get("inputs"));
    List<String> outputs = names(m.get("outputs"));
    if (inputs == null || outputs == null) {
      return ProbeResult.fail(id, LabText.of("lab.meta.tensors", path, inputs == null ? "inputs" : "outputs"));
    }
    declaredInputs = inputs;
    if (!inputs.contains(model.input())) {
      return ProbeResult.fail(id, LabText.of("lab.meta.inputs", path, inputs, "['" + model.input() + "']"));
    }
    if (!outputs.containsAll(model.outputs())) {
      return ProbeResult.fail(id, LabText.of("lab.meta.outputs", path, outputs, model.outputs()));
    }
    return ProbeResult.pass(id, LabText.of("lab.meta.model", inputs, outputs));
  }

  /** The tensor names in a metadata list, or null when it is not a list of {name, datatype, shape}. */
  private static List<String> names(Object v) {
    if (!(v instanceof List<?> l) || l.isEmpty()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (Object t : l) {
      if (!(t instanceof Map<?, ?> m) || !(m.get("name") instanceof String n) || !(m.get("datatype") instanceof String)
          || !(m.get("shape") instanceof List)) {
        return null;
      }
      names.add(n);
    }
    return names;
  }

  private ProbeResult modelReady() {
    String path = "/v2/models/" + model.name() + "/ready";
    ProbeHttp.Answer a = http.get(path);
    if (!a.is(200)) {
      return ProbeResult.fail("model-ready", LabText.of("lab.get.expected-200", path, a.describe()));
    }
    // the V2 spec's body is optional; where there is one, it must not say "not ready"
    if (saysNotReady(a)) {
      return ProbeResult.fail("model-ready", LabText.of("lab.ready.body", path, a.excerpt()));
    }
    return ProbeResult.pass("model-ready", LabText.of("lab.get.ok", path, a.millis()));
  }

  private static boolean saysNotReady(ProbeHttp.Answer a) {
    try {
      return a.json() instanceof Map<?, ?> m && Boolean.FALSE.equals(m.get("ready"));
    } catch (JsonException e) {
      return false;
    }
  }

  private ProbeResult idEchoed() {
    String id = "id-echoed";
    String body = model.request(model.first()).replaceFirst("^\\{", "{\"id\":\"probe-42\",");
    ProbeHttp.Answer a = http.post(inferPath(), body);
    if (!a.is(200)) {
      return ProbeResult.fail(id, LabText.of("lab.expected-200", a.describe()));
    }
    try {
      Object echoed = a.json() instanceof Map<?, ?> m ? m.get("id") : null;
      return "probe-42".equals(echoed) ? ProbeResult.pass(id, LabText.of("lab.id.echoed"))
          : ProbeResult.fail(id, LabText.of("lab.id.wrong", ProbeGolden.described(echoed)));
    } catch (JsonException e) {
      return ProbeResult.fail(id, LabText.of("lab.not-json", e.getMessage()));
    }
  }
}
