package dev.shellcamp.lab.server;

import dev.shellcamp.lab.json.JsonParser;
import dev.shellcamp.lab.model.Model;
import dev.shellcamp.lab.model.OutputTensor;
import dev.shellcamp.lab.model.TensorSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF Serving's REST "row" format, {@code {"instances": [...]}} in, {@code {"predictions": [...]}}
 * out, over the same models: many tutorials and clients still speak it. A model with one output
 * predicts its row per instance; one with several predicts an object per instance, as TF does.
 */
final class TfShim {
  private TfShim() {}

  static Map<String, Object> predict(Model model, Object body) {
    if (!(body instanceof Map<?, ?> doc)) {
      throw ApiError.badRequest("the request body must be a JSON object like {\"instances\": [...]}, got "
          + JsonParser.describe(body));
    }
    if (!doc.containsKey("instances")) {
      throw ApiError.badRequest(doc.containsKey("inputs")
          ? "the columnar {\"inputs\": ...} format is not supported here; send {\"instances\": [...]}"
          : "missing field 'instances' (a list with one entry per example)");
    }
    if (!(doc.get("instances") instanceof List<?> instances)) {
      throw ApiError.badRequest("'instances' must be a list, got " + JsonParser.describe(doc.get("instances")));
    }
    if (instances.isEmpty()) {
      throw ApiError.badRequest("'instances' is empty; send at least one instance");
    }
    if (instances.get(0) instanceof Map) {
      throw ApiError.badRequest("named instances ({\"name\": value}) are not supported; send each instance as a"
          + " number or a list of numbers");
    }
    // the batch's shape is the number of instances, then the first instance's own shape
    List<Integer> dims = new ArrayList<>(List.of(instances.size()));
    for (Object e = instances.get(0); e instanceof List<?> l; e = l.isEmpty() ? null : l.get(0)) {
      dims.add(l.size());
    }
    int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
    TensorSpec spec = model.info().input();
    List<OutputTensor> outputs = V2Api.run(model, new InputTensor(spec.name(), spec.datatype(), shape, instances),
        "instances");
    List<Object> predictions = new ArrayList<>();
    for (int i = 0; i < instances.size(); i++) {
      if (outputs.size() == 1) {
        predictions.add(row(outputs.get(0), i));
      } else {
        Map<String, Object> p = new LinkedHashMap<>();
        for (OutputTensor o : outputs) {
          p.put(o.name(), row(o, i));
        }
        predictions.add(p);
      }
    }
    return Map.of("predictions", predictions);
  }

  /** Row i of a flat, row-major tensor, nested back into the shape of one row. */
  private static Object row(OutputTensor t, int i) {
    List<Integer> rowShape = t.shape().subList(1, t.shape().size());
    int size = rowShape.stream().reduce(1, (a, b) -> a * b);
    return nest(t.data().subList(i * size, (i + 1) * size), rowShape);
  }

  private static Object nest(List<?> flat, List<Integer> shape) {
    if (shape.isEmpty()) {
      return flat.get(0);
    }
    int inner = flat.size() / shape.get(0);
    List<Object> out = new ArrayList<>();
    for (int j = 0; j < shape.get(0); j++) {
      out.add(nest(flat.subList(j * inner, (j + 1) * inner), shape.subList(1, shape.size())));
    }
    return out;
  }
}
