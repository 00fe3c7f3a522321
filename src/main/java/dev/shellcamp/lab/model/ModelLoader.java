package dev.shellcamp.lab.model;

import dev.shellcamp.lab.json.JsonException;
import dev.shellcamp.lab.json.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Model} from its {@code model.json} and {@code card.md}. A broken model file is
 * a bug in what we ship, so it fails the server's start with the file and the field named,
 * rather than serving a model that answers wrongly.
 */
final class ModelLoader {
  private final String file;
  private final Map<?, ?> doc;

  private ModelLoader(String file, Map<?, ?> doc) {
    this.file = file;
    this.doc = doc;
  }

  static Model load(String file, byte[] json, String card) {
    Object parsed;
    try {
      parsed = JsonParser.parse(json);
    } catch (JsonException e) {
      throw new IllegalStateException(file + ": " + e.getMessage(), e);
    }
    if (!(parsed instanceof Map<?, ?> doc)) {
      throw new IllegalStateException(file + ": must be a JSON object");
    }
    return new ModelLoader(file, doc).build(card);
  }

  private Model build(String card) {
    if (!Long.valueOf(1).equals(doc.get("format"))) {
      throw fail("'format' must be 1, got " + doc.get("format"));
    }
    ModelInfo info = new ModelInfo(text("name"), text("version"), text("platform"), specs("inputs"),
        specs("outputs"), card);
    String kind = text("kind");
    return switch (kind) {
      case "affine" -> new AffineModel(info, number(doc.get("slope"), "slope"),
          number(doc.get("intercept"), "intercept"));
      case "softmax_classifier" -> classifier(info);
      default -> throw fail("unknown 'kind' " + kind + " (affine or softmax_classifier)");
    };
  }

  private Model classifier(ModelInfo info) {
    List<String> features = texts(doc.get("features"), "features");
    List<String> classes = texts(doc.get("classes"), "classes");
    Map<?, ?> std = doc.get("standardize") instanceof Map<?, ?> m ? m : Map.of();
    double[] mean = vector(std.get("mean"), "standardize.mean", features.size());
    double[] sd = vector(std.get("std"), "standardize.std", features.size());
    for (double s : sd) {
      if (s <= 0) {
        throw fail("'standardize.std' must be positive, got " + s);
      }
    }
    Object rows = doc.get("weights");
    if (!(rows instanceof List<?> w) || w.size() != classes.size()) {
      throw fail("'weights' must be " + classes.size() + " rows (one per class)");
    }
    double[][] weights = new double[w.size()][];
    for (int i = 0; i < w.size(); i++) {
      weights[i] = vector(w.get(i), "weights[" + i + "]", features.size());
    }
    return new SoftmaxClassifier(info, features, mean, sd, weights,
        vector(doc.get("bias"), "bias", classes.size()), classes);
  }

  private List<TensorSpec> specs(String key) {
    if (!(doc.get(key) instanceof List<?> l) || l.isEmpty()) {
      throw fail("'" + key + "' must be a non-empty list");
    }
    List<TensorSpec> specs = new ArrayList<>();
    for (Object o : l) {
      Map<?, ?> m = o instanceof Map<?, ?> mm ? mm : Map.of();
      List<Integer> shape = new ArrayList<>();
      for (double d : vector(m.get("shape"), key + ".shape", -1)) {
        shape.add((int) d);
      }
      specs.add(new TensorSpec(string(m.get("name"), key + ".name"), string(m.get("datatype"), key + ".datatype"),
          shape));
    }
    return specs;
  }

  private String text(String key) {
    return string(doc.get(key), key);
  }

  private String string(Object v, String key) {
    if (!(v instanceof String s) || s.isEmpty()) {
      throw fail("'" + key + "' must be a non-empty string");
    }
    return s;
  }

  private List<String> texts(Object v, String key) {
    if (!(v instanceof List<?> l) || l.isEmpty()) {
      throw fail("'" + key + "' must be a non-empty list of strings");
    }
    List<String> out = new ArrayList<>();
    for (Object o : l) {
      out.add(string(o, key));
    }
    return out;
  }

  private double[] vector(Object v, String key, int size) {
    if (!(v instanceof List<?> l) || (size >= 0 && l.size() != size)) {
      throw fail("'" + key + "' must be a list of " + (size >= 0 ? size + " " : "") + "numbers");
    }
    double[] out = new double[l.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = number(l.get(i), key);
    }
    return out;
  }

  private double number(Object v, String key) {
    if (!(v instanceof Number n)) {
      throw fail("'" + key + "' must be a number, got " + JsonParser.describe(v));
    }
    return n.doubleValue();
  }

  private IllegalStateException fail(String problem) {
    return new IllegalStateException(file + ": " + problem);
  }
}
