package dev.shellcamp.check;

import dev.shellcamp.lesson.CheckSpec;
import dev.shellcamp.monitor.Machine;
import java.util.List;
import java.util.regex.Pattern;

/** A process called {@code name}, or whose command line matches {@code cmdline}, is running (or gone). */
final class ProcessCheck {
  private static final java.time.Duration GRACE = java.time.Duration.ofMillis(200);

  private ProcessCheck() {}

  static Result check(CheckSpec spec, Context ctx) {
    var m = ctx.messages();
    boolean wantRunning = !"false".equals(spec.string("running"));
    String name = spec.string("name");
    String regex = spec.string("cmdline");
    Machine machine = Machine.now();
    List<Machine.Proc> found = name != null ? machine.named(name) : machine.matching(Pattern.compile(regex));
    String what = name != null ? name : regex;
    if (wantRunning) {
      if (!found.isEmpty()) {
        return Result.PASS;
      }
      return Result.fail(m.get(name != null ? "check.process.none" : "check.process.none-cmdline", what));
    }
    // the learner's kill may have been sent a moment ago: give the process time to end
    found = Machine.stillRunningAfter(found, GRACE);
    if (found.isEmpty()) {
      return Result.PASS;
    }
    Machine.Proc p = found.get(0);
    String more = found.size() > 1 ? m.get("check.process.more", found.size() - 1) : "";
    return Result.fail(m.get("check.process.still", Shown.cut(p.shown()), p.pid(), more));
  }
}
