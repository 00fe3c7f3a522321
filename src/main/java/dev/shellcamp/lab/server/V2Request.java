package dev.shellcamp.lab.server;

import dev.shellcamp.lab.json.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A V2 inference request, read from its JSON with every field checked: {@code inputs} (required),
 * {@code id} (optional, echoed back) and {@code outputs} (optional: which outputs to return).
 * Each mistake is a 400 that names the field and what was found there.
 */
record V2Request(String id, Map<String, InputTensor> inputs, List<String> outputs) {
  static final Set<String> DATATYPES = Set.of("BOOL", "UINT8", "UINT16", "UINT32", "UINT64", "INT8", "INT16",
      "INT32", "INT64", "FP16", "FP32", "FP64", "BYTES");

  static V2Request read(Object body) {
    if (!(body instanceof Map<?, ?> doc)) {
      throw ApiError.badRequest("the request body must be a JSON object like {\"inputs\": [...]}, got "
          + JsonParser.describe(body));
    }
    Object id = doc.get("id");
    if (doc.containsKey("id") && !(id instanceof String)) {
      throw ApiError.badRequest("'id' must be a string, got " + JsonParser.describe(id));
    }
    if (!doc.containsKey("inputs")) {
      throw ApiError.badRequest("missing field 'inputs' (a list of {name, shape, datatype, data})");
    }
    if (!(doc.get("inputs") instanceof List<?> list)) {
      throw ApiError.badRequest("'inputs' must be a list, got " + JsonParser.describe(doc.get("inputs")));
    }
    if (list.isEmpty()) {
      throw ApiError.badRequest("'inputs' is empty; send at least one input tensor");
    }
    Map<String, InputTensor> inputs = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      InputTensor t = tensor(list.get(i), i);
      if (inputs.put(t.name(), t) != null) {
        throw ApiError.badRequest("input '" + t.name() + "' appears twice in 'inputs'");
      }
    }
    return new V2Request((String) id, inputs, outputs(doc.get("outputs")));
  }

  private static InputTensor tensor(Object o, int i) {
    if (!(o instanceof Map<?, ?> m)) {
      throw ApiError.badRequest("inputs[" + i + "] must be an object with name, shape, datatype and data, got "
          + JsonParser.describe(o));
    }
    if (!(m.get("name") instanceof String name)) {
      throw ApiError.badRequest("inputs[" + i + "]: " + (m.containsKey("name")
          ? "'name' must be a string, got " + JsonParser.describe(m.get("name")) : "missing field 'name'"));
    }
    String who = "input '" + name + "': ";
    for (String field : List.of("shape", "datatype", "data")) {
      if (!m.containsKey(field)) {
        throw ApiError.badRequest(who + "missing field '" + field + "'");
      }
    }
    if (!(m.get("datatype") instanceof String datatype)) {
      throw ApiError.badRequest(who + "'datatype' must be a string, got " + JsonParser.describe(m.get("datatype")));
    }
    if (!DATATYPES.contains(datatype)) {
      throw ApiError.badRequest(who + "unknown datatype '" + datatype + "' (V2 datatypes: BOOL, UINT8..UINT64, "
          + "INT8..INT64, FP16, FP32, FP64, BYTES)");
    }
    if (!(m.get("data") instanceof List<?> data)) {
      throw ApiError.badRequest(who + "'data' must be a list, got " + JsonParser.describe(m.get("data")));
    }
    return new InputTensor(name, datatype, shape(m.get("shape"), who), data);
  }

  private static int[] shape(Object v, String who) {
    if (!(v instanceof List<?> dims)) {
      throw ApiError.badRequest(who + "'shape' must be a list of non-negative integers, got "
          + JsonParser.describe(v));
    }
    int[] shape = new int[dims.size()];
    for (int d = 0; d < shape.length; d++) {
      // Long: JsonParser gives integers as Long; 2.0 or 1e3 is not a dimension
      if (!(dims.get(d) instanceof Long n) || n < 0 || n > Integer.MAX_VALUE) {
        throw ApiError.badRequest(who + "shape[" + d + "] must be a non-negative integer, got "
            + JsonParser.describe(dims.get(d)));
      }
      shape[d] = n.intValue();
    }
    return shape;
  }

  private static List<String> outputs(Object v) {
    if (v == null) {
      return null;
    }
    if (!(v instanceof List<?> list)) {
      throw ApiError.badRequest("'outputs' must be a list of {\"name\": ...}, got " + JsonParser.describe(v));
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> o) || !(o.get("name") instanceof String name)) {
        throw ApiError.badRequest("outputs[" + i + "] must be an object with a string 'name'");
      }
      names.add(name);
    }
    return names;
  }
}
