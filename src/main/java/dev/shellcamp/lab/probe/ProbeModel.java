package dev.shellcamp.lab.probe;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the probe knows about a model it can grade: its input and outputs as the shipped model
 * declares them, and a golden set (inputs with their known answers). The expected values were
 * computed in double precision from the model's own parameters (models/NAME/1/model.json), not
 * taken from the built-in server's answers, so the built-in server is graded like any other.
 *
 * @param width values per row: 1 for an input of shape [N], 4 for [N, 4]
 */
record ProbeModel(String name, String input, String datatype, int width, List<String> outputs, List<Golden> golden) {
  /** One output's expected answer; {@code data} holds Doubles (within tolerance) or Strings (exact). */
  record Expected(String output, List<Integer> shape, List<?> data) {}

  /** A golden case: {@code rows} rows of {@code width} values, flat. */
  record Golden(String id, int rows, double[] x, List<Expected> expected) {}

  static final List<String> KNOWN = List.of("half_plus_two", "iris");

  static ProbeModel named(String name) {
    return switch (name) {
      case "half_plus_two" -> halfPlusTwo();
      case "iris" -> iris();
      default -> throw new IllegalArgumentException("the probe has no golden set for model '" + name
          + "'; it knows " + String.join(" and ", KNOWN));
    };
  }

  private static ProbeModel halfPlusTwo() {
    double[] batch64 = new double[64];
    for (int i = 0; i < batch64.length; i++) {
      batch64[i] = i - 31.5;
    }
    return new ProbeModel("half_plus_two", "x", "FP32", 1, List.of("y"), List.of(
        hpt("golden-one", 1),
        hpt("golden-batch", 1, 2, 5),
        hpt("golden-signs", -4, 0.5, 1000.25, -0.002, 0),
        hpt("golden-batch-64", batch64)));
  }

  private static Golden hpt(String id, double... x) {
    List<Double> y = Arrays.stream(x).map(v -> 0.5 * v + 2).boxed().toList();
    return new Golden(id, x.length, x, List.of(new Expected("y", List.of(x.length), y)));
  }

  private static ProbeModel iris() {
    return new ProbeModel("iris", "features", "FP32", 4, List.of("class", "probabilities"), List.of(
        irisCase("golden-one", List.of("setosa"), new double[] {5.1, 3.5, 1.4, 0.2},
            0.98258392, 0.0174158, 2.7736583e-07),
        irisCase("golden-batch", List.of("setosa", "versicolor", "virginica"),
            new double[] {5.1, 3.5, 1.4, 0.2, 7.0, 3.2, 4.7, 1.4, 6.3, 3.3, 6.0, 2.5},
            0.98258392, 0.0174158, 2.7736583e-07, 0.0067644726, 0.85957752, 0.13365801,
            3.0788055e-05, 0.0074415468, 0.99252767),
        // near the versicolor/virginica border: a server that skips standardisation gets it wrong
        irisCase("golden-borderline", List.of("virginica"), new double[] {5.9, 3.0, 5.1, 1.8},
            0.0046105389, 0.30891243, 0.68647703)));
  }

  private static Golden irisCase(String id, List<String> classes, double[] x, double... probabilities) {
    int rows = classes.size();
    return new Golden(id, rows, x, List.of(new Expected("class", List.of(rows), classes),
        new Expected("probabilities", List.of(rows, 3), Arrays.stream(probabilities).boxed().toList())));
  }

  /** The shape of {@code rows} rows, as JSON: [N] or [N, width]. */
  String shape(int rows) {
    return width == 1 ? "[" + rows + "]" : "[" + rows + "," + width + "]";
  }

  /** A V2 infer request with one input tensor; every part is raw JSON, so a test can break any of them. */
  static String request(String tensor) {
    return "{\"inputs\":[" + tensor + "]}";
  }

  static String tensor(String name, String shape, String datatype, String data) {
    return "{\"name\":\"" + name + "\",\"shape\":" + shape + ",\"datatype\":\"" + datatype + "\",\"data\":" + data + "}";
  }

  /** The model's input tensor holding {@code x}, with a correct name, shape and datatype. */
  String tensor(double[] x) {
    return tensor(input, shape(x.length / width), datatype, json(x));
  }

  String request(Golden g) {
    return request(tensor(g.x()));
  }

  /** The first golden case: the "good request" sent after every bad one. */
  Golden first() {
    return golden.get(0);
  }

  static String json(double[] x) {
    return Arrays.stream(x).mapToObj(ProbeModel::num).collect(Collectors.joining(",", "[", "]"));
  }

  /** 2 rather than 2.0, so the request reads as a person would write it. */
  static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }
}
