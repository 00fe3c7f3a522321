package dev.shellcamp.check;

import dev.shellcamp.lesson.CheckSpec;
import dev.shellcamp.shell.CommandResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

final class OutputCheck {
  private OutputCheck() {}

  static Result check(CheckSpec spec, Context ctx) {
    var m = ctx.messages();
    Optional<CommandResult> last = ctx.last();
    if (last.isEmpty()) {
      return Result.fail(m.get("check.no-command"));
    }
    String out = last.get().output();
    String what = m.get("what.output");
    if (spec.has("lines")) {
      CommandResult r = last.get();
      List<List<String>> columns = LsLayout.readings(r.line(), out, cwd(r, ctx), ctx.workspace());
      return LineMatch.check(spec, LineMatch.split(out), columns, true, m, what);
    }
    if (spec.has("contains")) {
      String want = spec.string("contains");
      return out.contains(want) ? Result.PASS
          : Result.fail(m.get("check.contains", what, want, excerpt(out, m)));
    }
    if (spec.has("regex")) {
      return Pattern.compile(spec.string("regex"), Pattern.MULTILINE).matcher(out).find() ? Result.PASS
          : Result.fail(m.get("check.regex", what, spec.string("regex"), excerpt(out, m)));
    }
    String want = spec.string("equals");
    String got = trimEnd(out);
    if (trimEnd(want).equals(got)) {
      return Result.PASS;
    }
    return Result.fail(m.get("check.equals", what) + "\n"
        + LineMatch.diff(LineMatch.split(trimEnd(want)), LineMatch.split(got), false, m));
  }

  /** Where the command left bash: ls's names are relative to it. */
  private static Path cwd(CommandResult r, Context ctx) {
    return r.cwd() == null || r.cwd().isEmpty() ? ctx.workspace() : Path.of(r.cwd());
  }

  private static String trimEnd(String s) {
    return s.replaceAll("[\\s&&[^\\S\\n]]+(?=\\n|$)", "").replaceAll("\\n+$", "");
  }

  /** The start of what was found, enough to see why it did not match. */
  static String excerpt(String text, dev.shellcamp.ui.Messages m) {
    if (text.isBlank()) {
      return m.get("diff.empty");
    }
    String t = text.strip();
    String[] lines = t.split("\n");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < Math.min(lines.length, 6); i++) {
      b.append("\n    | ").append(lines[i].length() > 120 ? lines[i].substring(0, 120) + "…" : lines[i]);
    }
    if (lines.length > 6) {
      b.append("\n    | … (").append(lines.length - 6).append(" more)");
    }
    return b.toString();
  }
}
