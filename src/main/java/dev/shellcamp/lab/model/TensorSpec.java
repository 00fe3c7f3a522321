package dev.shellcamp.lab.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tensor as a model declares it in its metadata; -1 in the shape means "any size". */
public record TensorSpec(String name, String datatype, List<Integer> shape) {
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("datatype", datatype);
    m.put("shape", shape);
    return m;
  }
}
