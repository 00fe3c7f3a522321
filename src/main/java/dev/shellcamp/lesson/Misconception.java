package dev.shellcamp.lesson;

import java.util.Map;

/**
 * A lesson's own classic mistake ({@code misconceptions:} in lesson.yaml): when the learner's
 * last line matches {@code typed}, its output {@code output} and its exit status {@code exit}
 * (each optional, at least one given), in {@code step} or any step when null, the explainer
 * names it with the lesson's texts. A {@code quiet} one instead silences the built-in rule of that
 * id (in {@code step}, or the whole lesson): a step that shows a mistake on purpose.
 */
public record Misconception(String id, String step, String typed, String output, Integer exit, Map<String, Text> texts,
    boolean quiet) {
  public Misconception(String id, String step, String typed, String output, Integer exit, Map<String, Text> texts) {
    this(id, step, typed, output, exit, texts, false);
  }

  /** Whether this silences the built-in rule {@code ruleId} in the step {@code stepId}. */
  public boolean silences(String ruleId, String stepId) {
    return quiet && id.equals(ruleId) && (step == null || step.equals(stepId));
  }

  /** What the learner reads: the mistake's name, why it goes wrong, and the fix. */
  public record Text(String name, String why, String fix) {}

  public Text text(String lang) {
    Text t = texts.get(lang);
    return t != null ? t : texts.get("en");
  }
}
