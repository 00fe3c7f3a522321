package dev.shellcamp.check;

import dev.shellcamp.lesson.CheckSpec;
import java.util.List;
import java.util.regex.Pattern;

final class TypedCheck {
  private TypedCheck() {}

  static Result check(CheckSpec spec, Context ctx) {
    // MULTILINE: a learner may type several lines at once (continuation lines, pasted scripts)
    Pattern p = Pattern.compile(spec.string("regex"), Pattern.MULTILINE);
    List<String> typed = ctx.typed();
    if (typed.isEmpty()) {
      return Result.fail(ctx.messages().get("check.no-command"));
    }
    List<String> lines = spec.flag("any") ? typed : List.of(typed.get(typed.size() - 1));
    // a comment is not a command: `printf '…' # curl …` must not pass a check that asks for curl
    if (lines.stream().anyMatch(l -> p.matcher(Comments.strip(l)).find())) {
      return Result.PASS;
    }
    return Result.fail(ctx.messages().get(spec.flag("any") ? "check.typed.any" : "check.typed",
        p.pattern(), lines.get(lines.size() - 1)));
  }
}
