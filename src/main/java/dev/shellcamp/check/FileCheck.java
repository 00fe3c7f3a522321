package dev.shellcamp.check;

import dev.shellcamp.lesson.CheckSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;

final class FileCheck {
  private FileCheck() {}

  static Result check(CheckSpec spec, Context ctx) {
    var m = ctx.messages();
    String name = spec.string("path");
    if (!Context.inWorkspace(ctx.workspace(), name)) {
      return Result.fail(m.get("check.path.outside", name));
    }
    Path p = ctx.path(name);
    boolean exists = Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    if (spec.flag("absent")) {
      return exists ? Result.fail(m.get("check.file.present", name)) : Result.PASS;
    }
    if (spec.flag("unchanged")) {
      byte[] before = ctx.snapshot(name);
      byte[] now = read(p);
      if (!Arrays.equals(before, now)) {
        return Result.fail(now == null ? m.get("check.file.deleted", name) : m.get("check.file.changed", name));
      }
    }
    if (!exists) {
      Path parent = p.getParent();
      String hint = parent != null && !Files.isDirectory(parent) ? m.get("check.file.no-dir", ctx.workspace().relativize(parent)) : "";
      return Result.fail(m.get("check.file.missing", name) + hint);
    }
    if (spec.has("mode")) {
      String want = spec.string("mode").replaceFirst("^0(?=\\d{3})", "");
      String got = mode(p);
      if (!want.equals(got)) {
        return Result.fail(m.get("check.file.mode", name, want, got));
      }
    }
    if (spec.flag("executable") && !Files.isExecutable(p)) {
      return Result.fail(m.get("check.file.not-executable", name, mode(p)));
    }
    boolean needsText = spec.has("contains") || spec.has("regex") || spec.has("equals") || spec.has("lines");
    if (!needsText) {
      return Result.PASS;
    }
    if (Files.isDirectory(p)) {
      return Result.fail(m.get("check.file.is-dir", name));
    }
    byte[] bytes = read(p);
    String text = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    String what = m.get("what.file", name);
    if (spec.has("contains") && !text.contains(spec.string("contains"))) {
      return Result.fail(m.get("check.contains", what, spec.string("contains"), OutputCheck.excerpt(text, m)));
    }
    if (spec.has("regex") && !Pattern.compile(spec.string("regex"), Pattern.MULTILINE).matcher(text).find()) {
      return Result.fail(m.get("check.regex", what, spec.string("regex"), OutputCheck.excerpt(text, m)));
    }
    if (spec.has("equals") && !spec.string("equals").equals(text)) {
      String want = spec.string("equals");
      String why = Whitespace.explain(want, text, m);
      return Result.fail(m.get("check.equals", what) + "\n"
          + LineMatch.diff(LineMatch.split(want), LineMatch.split(text), false, m)
          + (why != null && !want.contains("\n") ? "\n      " + why : ""));
    }
    if (spec.has("lines")) {
      return LineMatch.check(spec, LineMatch.split(text), false, m, what);
    }
    return Result.PASS;
  }

  static byte[] read(Path p) {
    try {
      return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
    } catch (IOException e) {
      return null;
    }
  }

  static String mode(Path p) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
      int bits = 0;
      for (PosixFilePermission perm : perms) {
        bits |= 1 << (8 - perm.ordinal());
      }
      return Integer.toOctalString(bits);
    } catch (IOException | UnsupportedOperationException e) {
      return "?";
    }
  }
}
