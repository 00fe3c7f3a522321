package dev.shellcamp.check;

import dev.shellcamp.lesson.CheckSpec;
import dev.shellcamp.shell.CommandResult;
import java.util.Optional;

final class ExitCheck {
  private ExitCheck() {}

  static Result check(CheckSpec spec, Context ctx) {
    Optional<CommandResult> last = ctx.last();
    if (last.isEmpty()) {
      return Result.fail(ctx.messages().get("check.no-command"));
    }
    int want = Integer.parseInt(spec.string("value"));
    int got = last.get().exitCode();
    return got == want ? Result.PASS : Result.fail(ctx.messages().get("check.exit", want, got));
  }
}
