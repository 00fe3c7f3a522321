package dev.shellcamp.lab.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Standardise each feature, a linear layer, softmax, then the class name with the highest
 * probability: iris. Takes [N, features]; answers a class name and the probabilities per row.
 */
final class SoftmaxClassifier implements Model {
  private final ModelInfo info;
  private final List<String> features;
  private final double[] mean;
  private final double[] std;
  private final double[][] weights;
  private final double[] bias;
  private final List<String> classes;

  SoftmaxClassifier(ModelInfo info, List<String> features, double[] mean, double[] std, double[][] weights,
      double[] bias, List<String> classes) {
    this.info = info;
    this.features = features;
    this.mean = mean;
    this.std = std;
    this.weights = weights;
    this.bias = bias;
    this.classes = classes;
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public String shapeProblem(int[] shape) {
    int f = features.size();
    if (shape.length != 2 || shape[1] != f) {
      return "shape " + Model.shape(shape) + " does not fit; " + info.name() + " takes [N, " + f + "] (N rows of "
          + String.join(", ", features) + ")";
    }
    return shape[0] == 0 ? "empty batch (shape " + Model.shape(shape) + "); send at least one row" : null;
  }

  @Override
  public List<OutputTensor> infer(int[] shape, float[] x) {
    int rows = shape[0];
    int f = features.size();
    int k = classes.size();
    List<String> names = new ArrayList<>(rows);
    List<Float> probs = new ArrayList<>(rows * k);
    double[] logits = new double[k];
    for (int r = 0; r < rows; r++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double s = bias[c];
        for (int j = 0; j < f; j++) {
          s += weights[c][j] * ((x[r * f + j] - mean[j]) / std[j]);
        }
        logits[c] = s;
        max = Math.max(max, s);
      }
      // subtracting the largest logit keeps exp() finite for any finite input
      double sum = 0;
      int best = 0;
      for (int c = 0; c < k; c++) {
        logits[c] = Math.exp(logits[c] - max);
        sum += logits[c];
        best = logits[c] > logits[best] ? c : best;
      }
      names.add(classes.get(best));
      for (int c = 0; c < k; c++) {
        probs.add((float) (logits[c] / sum));
      }
    }
    List<OutputTensor> out = new ArrayList<>();
    out.add(new OutputTensor(info.outputs().get(0).name(), "BYTES", List.of(rows), names));
    out.add(new OutputTensor(info.outputs().get(1).name(), "FP32", List.of(rows, k), probs));
    return out;
  }
}
