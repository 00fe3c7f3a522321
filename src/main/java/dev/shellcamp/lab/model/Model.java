package dev.shellcamp.lab.model;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A loaded model. Each of ours takes one FP32 input tensor; the protocol layer has already
 * checked its datatype and that its data fits its shape before {@link #infer} is called.
 */
public interface Model {
  ModelInfo info();

  /** Why the model cannot take an input of this shape ("iris takes [N, 4]"), or null if it can. */
  String shapeProblem(int[] shape);

  List<OutputTensor> infer(int[] shape, float[] x);

  static String shape(int[] shape) {
    return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]"));
  }
}
