package dev.shellcamp.lesson;

import java.util.List;

/**
 * One exercise: hidden setup, the checks that must all pass, and the author's test data.
 * {@code requires} names capabilities only this step needs; where one is missing the step is skipped.
 */
public record Step(
    String id,
    int line,
    String setup,
    List<CheckSpec> checks,
    String solve,
    List<String> accepts,
    List<String> cheats,
    String cleanup,
    List<String> hints,
    List<String> requires) {

  public boolean isQuiz() {
    return checks.stream().anyMatch(c -> c.type().equals("quiz"));
  }
}
