package dev.shellcamp.lab.model;

import java.util.List;

/** What a model is, as its metadata endpoint tells it, plus its model card (Markdown). */
public record ModelInfo(String name, String version, String platform, List<TensorSpec> inputs,
    List<TensorSpec> outputs, String card) {
  public TensorSpec input() {
    return inputs.get(0);
  }
}
