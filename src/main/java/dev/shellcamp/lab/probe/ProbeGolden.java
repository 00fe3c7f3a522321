package dev.shellcamp.lab.probe;

import dev.shellcamp.lab.LabText;
import dev.shellcamp.lab.json.JsonException;
import dev.shellcamp.lab.json.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares an infer answer with a golden case. Numbers match within 1e-4 relative or 1e-5
 * absolute (an FP32 model in any language lands well inside that), strings exactly. Data may be
 * flat or nested, as V2 allows; the shape must be the expected one.
 */
final class ProbeGolden {
  static final double RELATIVE = 1e-4;
  static final double ABSOLUTE = 1e-5;

  private ProbeGolden() {}

  /**
   * {@link JsonParser#describe} for a person's report, in their language; the API's error bodies
   * keep {@link JsonParser#describe}.
   */
  static LabText described(Object v) {
    if (v == null) {
      return LabText.of("lab.json.null");
    } else if (v instanceof String s) {
      return LabText.of("lab.json.string", s.length() > 40 ? s.substring(0, 40) + "..." : s);
    } else if (v instanceof Number) {
      return LabText.of("lab.json.number", v);
    } else if (v instanceof Boolean) {
      return LabText.of("lab.json.boolean", v);
    }
    return LabText.of(v instanceof java.util.List ? "lab.json.list" : "lab.json.object");
  }

  /** Null when the answer is right, otherwise what is wrong with it. */
  static LabText problem(ProbeHttp.Answer a, ProbeModel.Golden g) {
    if (!a.is(200)) {
      return a.body().isEmpty() ? LabText.of("lab.expected-200", a.describe())
          : LabText.of("lab.expected-200.body", a.describe(), a.excerpt());
    }
    Object doc;
    try {
      doc = a.json();
    } catch (JsonException e) {
      return LabText.of("lab.golden.not-json", e.getMessage(), a.excerpt());
    }
    if (!(doc instanceof Map<?, ?> m) || !(m.get("outputs") instanceof List<?> outputs)) {
      return LabText.of("lab.golden.no-outputs", a.excerpt());
    }
    for (ProbeModel.Expected e : g.expected()) {
      LabText p = output(outputs, e);
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private static LabText output(List<?> outputs, ProbeModel.Expected e) {
    Map<?, ?> o = null;
    List<String> names = new ArrayList<>();
    for (Object x : outputs) {
      if (x instanceof Map<?, ?> t) {
        names.add(String.valueOf(t.get("name")));
        o = e.output().equals(t.get("name")) ? t : o;
      }
    }
    if (o == null) {
      return names.isEmpty() ? LabText.of("lab.golden.no-output.none", e.output())
          : LabText.of("lab.golden.no-output", e.output(), names);
    }
    String who = e.output();
    List<Long> shape = e.shape().stream().map(Integer::longValue).toList();
    if (!shape.equals(o.get("shape"))) {
      return LabText.of("lab.golden.shape", who, o.get("shape"), shape);
    }
    if (!(o.get("data") instanceof List<?> data)) {
      return LabText.of("lab.golden.no-data", who);
    }
    List<Object> flat = new ArrayList<>();
    flatten(data, flat);
    if (flat.size() != e.data().size()) {
      return LabText.of("lab.golden.count", who, flat.size(), e.data().size());
    }
    for (int i = 0; i < flat.size(); i++) {
      LabText p = value(LabText.of("lab.golden.at", who, i), flat.get(i), e.data().get(i));
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private static LabText value(LabText at, Object got, Object want) {
    if (want instanceof String s) {
      return s.equals(got) ? null : LabText.of("lab.golden.string", at, described(got), s);
    }
    double w = (Double) want;
    if (!(got instanceof Number n)) {
      return LabText.of("lab.golden.not-number", at, described(got), ProbeModel.num(w));
    }
    double diff = Math.abs(n.doubleValue() - w);
    if (diff <= ABSOLUTE || diff <= RELATIVE * Math.abs(w)) {
      return null;
    }
    return LabText.of("lab.golden.value", at, n, ProbeModel.num(w));
  }

  private static void flatten(List<?> in, List<Object> out) {
    for (Object x : in) {
      if (x instanceof List<?> l) {
        flatten(l, out);
      } else {
        out.add(x);
      }
    }
  }
}
