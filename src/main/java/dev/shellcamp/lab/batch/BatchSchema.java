package dev.shellcamp.lab.batch;

import dev.shellcamp.lab.json.JsonException;
import dev.shellcamp.lab.json.JsonParser;
import dev.shellcamp.lab.model.Model;
import dev.shellcamp.lab.model.ModelInfo;
import dev.shellcamp.lab.model.ModelRepository;
import dev.shellcamp.lab.model.TensorSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV columns a model reads and writes in a batch job. A model with a flat input
 * ({@code x}, shape [-1]) reads one column named after it; one with a matrix input
 * ({@code features}, shape [-1, k]) reads k columns named after its {@code features} in
 * {@code model.json} (iris: {@code sepal_length_cm, ...}). A 1-D output is one column
 * ({@code y}, {@code class}); a 2-D one is a column per class, {@code p_<class>}.
 */
record BatchSchema(String model, boolean flat, List<String> features, List<String> outputs) {
  /** Where the job's columns lie in one file's header; {@code width} is how many fields every row must have. */
  record Columns(int id, int[] features, int width) {}

  static BatchSchema of(Model m) {
    ModelInfo info = m.info();
    Map<?, ?> doc = document(info);
    TensorSpec in = info.input();
    List<Integer> shape = in.shape();
    boolean flat = shape.size() == 1 || (shape.size() == 2 && shape.get(1) == 1);
    List<String> features = flat ? List.of(in.name()) : labels(doc.get("features"), in.name(), shape.get(1));
    List<String> outputs = new ArrayList<>();
    for (TensorSpec out : info.outputs()) {
      if (out.shape().size() == 1) {
        outputs.add(out.name());
      } else {
        labels(doc.get("classes"), out.name(), out.shape().get(1)).forEach(c -> outputs.add("p_" + c));
      }
    }
    return new BatchSchema(info.name(), flat, features, List.copyOf(outputs));
  }

  /** The shape to send the model for {@code rows} rows. */
  int[] shape(int rows) {
    return flat ? new int[] {rows} : new int[] {rows, features.size()};
  }

  /**
   * Finds the id and feature columns in a header; other columns are ignored. A missing or
   * doubled column is the caller's mistake (usage), named with what the header does have.
   */
  Columns locate(List<String> header, String idColumn, String file) {
    if (features.contains(idColumn)) {
      throw new IllegalArgumentException("--id-column " + idColumn + " is one of " + model + "'s features");
    }
    Map<String, Integer> at = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip();
      Integer before = at.putIfAbsent(name, i);
      boolean needed = name.equals(idColumn) || features.contains(name);
      if (before != null && needed) {
        throw new IllegalArgumentException(file + ": the header names column " + name + " twice (fields "
            + (before + 1) + " and " + (i + 1) + "), so which one to read is unclear");
      }
    }
    List<String> need = new ArrayList<>();
    need.add(idColumn);
    need.addAll(features);
    List<String> missing = need.stream().filter(n -> !at.containsKey(n)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(file + ": the header lacks " + (missing.size() == 1 ? "column " : "columns ")
          + String.join(", ", missing) + "; " + model + " needs " + String.join(",", need)
          + " (the header has " + String.join(",", header) + ")");
    }
    return new Columns(at.get(idColumn), features.stream().mapToInt(at::get).toArray(), header.size());
  }

  /** k names from model.json where it has them; else {@code name_0 ... name_k-1}. */
  private static List<String> labels(Object declared, String name, int k) {
    if (declared instanceof List<?> l && l.size() == k && l.stream().allMatch(String.class::isInstance)) {
      return l.stream().map(String.class::cast).toList();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      out.add(name + "_" + i);
    }
    return out;
  }

  /**
   * The model's model.json, read again: {@link Model} does not expose its feature and class
   * names, and the CSV header should use them. A model without the file gets numbered names.
   */
  private static Map<?, ?> document(ModelInfo info) {
    String path = ModelRepository.BUNDLED + "/" + info.name() + "/" + info.version() + "/model.json";
    try (InputStream in = BatchSchema.class.getClassLoader().getResourceAsStream(path)) {
      return in != null && JsonParser.parse(in.readAllBytes()) instanceof Map<?, ?> m ? m : Map.of();
    } catch (IOException | JsonException e) {
      return Map.of();
    }
  }
}
