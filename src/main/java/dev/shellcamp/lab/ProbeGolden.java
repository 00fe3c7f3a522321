package dev.shellcamp.lab;

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

  /** Null when the answer is right, otherwise what is wrong with it. */
  static String problem(ProbeHttp.Answer a, ProbeModel.Golden g) {
    if (!a.is(200)) {
      return "expected 200, got " + a.describe() + (a.body().isEmpty() ? "" : ": " + a.excerpt());
    }
    Object doc;
    try {
      doc = a.json();
    } catch (JsonException e) {
      return "the answer is not valid JSON (" + e.getMessage() + "): " + a.excerpt();
    }
    if (!(doc instanceof Map<?, ?> m) || !(m.get("outputs") instanceof List<?> outputs)) {
      return "the answer has no \"outputs\" list: " + a.excerpt();
    }
    for (ProbeModel.Expected e : g.expected()) {
      String p = output(outputs, e);
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private static String output(List<?> outputs, ProbeModel.Expected e) {
    Map<?, ?> o = null;
    List<String> names = new ArrayList<>();
    for (Object x : outputs) {
      if (x instanceof Map<?, ?> t) {
        names.add(String.valueOf(t.get("name")));
        o = e.output().equals(t.get("name")) ? t : o;
      }
    }
    if (o == null) {
      return "no output named '" + e.output() + "' (the model's metadata names it so); the answer has "
          + (names.isEmpty() ? "none" : names);
    }
    String who = "output '" + e.output() + "'";
    List<Long> shape = e.shape().stream().map(Integer::longValue).toList();
    if (!shape.equals(o.get("shape"))) {
      return who + " has shape " + o.get("shape") + ", expected " + shape;
    }
    if (!(o.get("data") instanceof List<?> data)) {
      return who + " has no \"data\" list";
    }
    List<Object> flat = new ArrayList<>();
    flatten(data, flat);
    if (flat.size() != e.data().size()) {
      return who + " has " + flat.size() + " values, expected " + e.data().size();
    }
    for (int i = 0; i < flat.size(); i++) {
      String p = value(who + " data[" + i + "]", flat.get(i), e.data().get(i));
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private static String value(String at, Object got, Object want) {
    if (want instanceof String s) {
      return s.equals(got) ? null : at + " is " + JsonParser.describe(got) + ", expected \"" + s + "\"";
    }
    double w = (Double) want;
    if (!(got instanceof Number n)) {
      return at + " is " + JsonParser.describe(got) + ", expected the number " + ProbeModel.num(w);
    }
    double diff = Math.abs(n.doubleValue() - w);
    if (diff <= ABSOLUTE || diff <= RELATIVE * Math.abs(w)) {
      return null;
    }
    return at + " = " + n + ", expected " + ProbeModel.num(w) + " (tolerance 1e-4 relative or 1e-5 absolute)";
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
