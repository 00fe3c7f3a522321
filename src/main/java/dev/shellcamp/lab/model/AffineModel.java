package dev.shellcamp.lab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** y = slope * x + intercept for every element: half_plus_two. Takes [N] or [N, 1]. */
record AffineModel(ModelInfo info, double slope, double intercept) implements Model {
  @Override
  public String shapeProblem(int[] shape) {
    boolean fits = shape.length == 1 || (shape.length == 2 && shape[1] == 1);
    if (!fits) {
      return "shape " + Model.shape(shape) + " does not fit; " + info.name() + " takes [N] or [N, 1]";
    }
    return shape[0] == 0 ? "empty batch (shape " + Model.shape(shape) + "); send at least one value" : null;
  }

  @Override
  public List<OutputTensor> infer(int[] shape, float[] x) {
    List<Float> y = new ArrayList<>(x.length);
    for (float v : x) {
      // in double, rounded once to FP32, so 0.5 * 1 + 2 is exactly 2.5
      y.add((float) (slope * v + intercept));
    }
    TensorSpec out = info.outputs().get(0);
    return List.of(new OutputTensor(out.name(), out.datatype(), Arrays.stream(shape).boxed().toList(), y));
  }
}
