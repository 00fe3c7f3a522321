package dev.shellcamp.lesson;

import java.util.List;
import java.util.Optional;

/**
 * One exercise: hidden setup, the checks that must all pass, and the author's test data.
 * {@code requires} names capabilities only this step needs; where one is missing the step is skipped.
 * {@code cheatsAccepted}: generated cheats (see {@link CheatKind}) that are in fact correct answers.
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
    List<String> requires,
    List<AcceptedCheat> cheatsAccepted) {

  private static final String ANSWER = ":answer ";

  /** Whether the author accepts the generated cheat of this kind as a correct answer. */
  public boolean accepts(CheatKind kind) {
    return cheatsAccepted.stream().anyMatch(a -> a.kind() == kind);
  }

  public boolean isQuiz() {
    return checks.stream().anyMatch(c -> c.type().equals("quiz"));
  }

  /**
   * The quiz answer in one of the author's lines ({@code solve}, {@code accepts}, {@code cheats}):
   * {@code ":answer 2"} gives "2"; a shell command gives nothing. The one reading of it, for the
   * tutor's :skip, verify and the benchmarks.
   */
  public static Optional<String> answerIn(String line) {
    String trimmed = line.strip();
    return trimmed.startsWith(ANSWER) ? Optional.of(trimmed.substring(ANSWER.length())) : Optional.empty();
  }
}
