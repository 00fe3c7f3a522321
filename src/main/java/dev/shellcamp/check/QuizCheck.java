package dev.shellcamp.check;

import dev.shellcamp.lesson.CheckSpec;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

final class QuizCheck {
  private QuizCheck() {}

  static Result check(CheckSpec spec, Context ctx) {
    Optional<String> given = ctx.answer();
    if (given.isEmpty()) {
      return Result.fail(ctx.messages().get("check.quiz.none"));
    }
    String a = normalise(given.get());
    if (spec.has("choices")) {
      int n = Integer.parseInt(spec.string("choices"));
      if (a.matches("\\d+") && (Integer.parseInt(a) < 1 || Integer.parseInt(a) > n)) {
        return Result.fail(ctx.messages().get("check.quiz.range", n, given.get()));
      }
    }
    boolean ok = spec.strings("answer").stream().map(QuizCheck::normalise).anyMatch(a::equals)
        || spec.has("regex") && Pattern.compile(spec.string("regex"), Pattern.CASE_INSENSITIVE).matcher(a).find();
    return ok ? Result.PASS : Result.fail(ctx.messages().get("check.quiz.wrong", given.get().strip()));
  }

  private static String normalise(String s) {
    return s.strip().replaceAll("\\s+", " ").replaceFirst("[.)]$", "").toLowerCase(Locale.ROOT);
  }
}
