package dev.shellcamp.check;

import dev.shellcamp.lesson.CheckSpec;
import java.util.regex.Pattern;

final class EnvCheck {
  private EnvCheck() {}

  static Result check(CheckSpec spec, Context ctx) {
    String name = spec.string("name");
    Context.Variable v = ctx.variable(name);
    var m = ctx.messages();
    if (spec.has("set")) {
      boolean want = spec.flag("set");
      if (v.set() != want) {
        return Result.fail(m.get(want ? "check.env.unset" : "check.env.set", name, v.value()));
      }
      if (!want) {
        return Result.PASS;
      }
    }
    if (!v.set()) {
      return Result.fail(m.get("check.env.unset", name));
    }
    if (spec.flag("exported") && !v.exported()) {
      return Result.fail(m.get("check.env.not-exported", name, v.value()));
    }
    if (spec.has("equals") && !spec.string("equals").equals(v.value())) {
      return Result.fail(m.get("check.env.equals", name, spec.string("equals"), v.value()));
    }
    if (spec.has("regex") && !Pattern.compile(spec.string("regex")).matcher(v.value()).find()) {
      return Result.fail(m.get("check.env.regex", name, spec.string("regex"), v.value()));
    }
    return Result.PASS;
  }
}
