package dev.shellcamp.check;

import dev.shellcamp.lesson.CheckSpec;
import java.nio.file.Path;
import java.util.regex.Pattern;

final class CwdCheck {
  private CwdCheck() {}

  static Result check(CheckSpec spec, Context ctx) {
    Path cwd = Path.of(ctx.cwd()).normalize();
    String shown = shown(ctx.workspace(), cwd);
    if (spec.has("regex")) {
      return Pattern.compile(spec.string("regex")).matcher(cwd.toString()).find() ? Result.PASS
          : Result.fail(ctx.messages().get("check.cwd.regex", spec.string("regex"), shown));
    }
    String p = spec.string("path");
    Path want = p.startsWith("/") ? Path.of(p) : ctx.path(p).normalize();
    return want.equals(cwd) ? Result.PASS
        : Result.fail(ctx.messages().get("check.cwd", shown(ctx.workspace(), want), shown));
  }

  /** Paths inside the workspace are shown as ~/..., since the workspace is the lesson's HOME. */
  static String shown(Path home, Path p) {
    if (p.equals(home)) {
      return "~";
    }
    return p.startsWith(home) ? "~/" + home.relativize(p) : p.toString();
  }
}
