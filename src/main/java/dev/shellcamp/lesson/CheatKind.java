package dev.shellcamp.lesson;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The cheats verify makes up for every step, named so an author can accept one with a reason
 * ({@code cheats_accepted}). Each fakes the effect a check looks at without doing the work; which
 * apply depends only on the step's check types, so lint can tell an acceptance that never applies.
 */
public enum CheatKind {
  /** the text an output check names, printed with printf */
  ECHO_OUTPUT("echo-output"),
  /** the reference solution's output, captured in a scratch run and printed back */
  REPLAY_OUTPUT("replay-output"),
  /** that output saved in a file, then shown with cat */
  CAT_ANSWER("cat-answer"),
  /** the files the checks (or the reference solution) touch, made empty */
  TOUCH_FILES("touch-files"),
  /** those files written directly with the content the reference solution left */
  WRITE_FILES("write-files"),
  /** chmod 777 on the files whose mode or executable bit is checked */
  CHMOD_777("chmod-777"),
  /** all of the faked effects, with the reference solution typed as a comment */
  TYPED_COMMENT("typed-comment");

  private final String id;

  CheatKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<CheatKind> named(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(CheatKind::id).toList();
  }

  /** Whether verify makes this cheat for {@code step}; never for a quiz, which takes answers, not commands. */
  public boolean appliesTo(Step step) {
    if (step.isQuiz()) {
      return false;
    }
    List<CheckSpec> checks = step.checks();
    return switch (this) {
      case ECHO_OUTPUT -> checks.stream().anyMatch(CheatKind::namesOutputText);
      case REPLAY_OUTPUT -> checks.stream().anyMatch(c -> c.type().equals("output") || c.type().equals("exit"));
      case CAT_ANSWER -> checks.stream().anyMatch(c -> c.type().equals("output"));
      case TOUCH_FILES, WRITE_FILES -> checks.stream().anyMatch(c -> c.type().equals("run")
          || c.type().equals("file") && !c.flag("absent"));
      case CHMOD_777 -> checks.stream().anyMatch(c -> c.type().equals("file") && (c.has("mode") || c.flag("executable")));
      case TYPED_COMMENT -> checks.stream().anyMatch(c -> c.type().equals("typed"));
    };
  }

  /** An output check whose expected text is literal: equals, contains, or lines that are not regexes. */
  public static boolean namesOutputText(CheckSpec c) {
    return c.type().equals("output")
        && (c.has("equals") || c.has("contains") || c.has("lines") && !c.flag("regex"));
  }
}
