package dev.shellcamp.lesson;

import java.util.Map;

/**
 * A lesson's own classic mistake ({@code misconceptions:} in lesson.yaml): when the learner's
 * last line matches {@code typed}, its output {@code output} and its exit status {@code exit}
 * (each optional, at least one given), in {@code step} or any step when null, the explainer
 * names it with the lesson's texts.
 */
public record Misconception(String id, String step, String typed, String output, Integer exit, Map<String, Text> texts) {
  /** What the learner reads: the mistake's name, why it goes wrong, and the fix. */
  public record Text(String name, String why, String fix) {}

  public Text text(String lang) {
    Text t = texts.get(lang);
    return t != null ? t : texts.get("en");
  }
}
