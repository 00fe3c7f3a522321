package dev.shellcamp.lab.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A model's answer for one output: the data flat, in row-major order, as the V2 protocol sends it. */
public record OutputTensor(String name, String datatype, List<Integer> shape, List<?> data) {
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("shape", shape);
    m.put("datatype", datatype);
    m.put("data", data);
    return m;
  }
}
