package dev.shellcamp.explain;

import dev.shellcamp.lesson.Misconception;
import dev.shellcamp.shell.CommandResult;
import dev.shellcamp.ui.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names the classic mistake in a failed attempt: the lesson's own rules for the step first, then
 * the built-in ones, the first that fires. Silent when none does: most failures are not a
 * misconception, and a wrong name would mislead more than none.
 */
public final class Explainer {
  /** The built-in rules, in the order they are tried. */
  static final List<Rule> RULES = Stream.of(RedirectRules.all(), ScriptRules.all(), FileRules.all(),
      PythonRules.all(), DockerRules.all()).flatMap(List::stream).toList();

  private Explainer() {}

  public static Optional<Explanation> explain(Attempt a, List<Misconception> lessonRules, String stepId, Messages m) {
    Optional<CommandResult> last = a.last();
    if (last.isEmpty()) {
      return Optional.empty();
    }
    for (Misconception mc : lessonRules) {
      if (fires(mc, stepId, last.get())) {
        Misconception.Text en = mc.text("en");
        Misconception.Text ko = mc.text("ko");
        return Optional.of(new Explanation(mc.id(), m.either(en.name(), ko.name()), m.either(en.why(), ko.why()),
            m.either(en.fix(), ko.fix())));
      }
    }
    for (Rule r : RULES) {
      if (silenced(r, lessonRules, stepId)) {
        continue;
      }
      Optional<List<String>> args = r.test().apply(a);
      if (args.isPresent()) {
        Object[] xs = args.get().toArray();
        String key = "mistake." + r.id();
        return Optional.of(new Explanation(r.id(), m.get(key + ".name", xs), m.get(key + ".why", xs), m.get(key + ".fix", xs)));
      }
    }
    return Optional.empty();
  }

  /** The ids of every rule, lesson and built-in, that fires on {@code a}: for tests and verify. */
  public static List<String> firing(Attempt a, List<Misconception> lessonRules, String stepId) {
    List<String> out = new ArrayList<>();
    a.last().ifPresent(last -> lessonRules.stream().filter(mc -> fires(mc, stepId, last)).forEach(mc -> out.add(mc.id())));
    RULES.stream().filter(r -> !silenced(r, lessonRules, stepId) && r.test().apply(a).isPresent()).forEach(r -> out.add(r.id()));
    return out;
  }

  private static boolean silenced(Rule r, List<Misconception> lessonRules, String stepId) {
    return lessonRules.stream().anyMatch(mc -> mc.silences(r.id(), stepId));
  }

  static boolean fires(Misconception mc, String stepId, CommandResult r) {
    return !mc.quiet() && (mc.step() == null || mc.step().equals(stepId))
        && (mc.typed() == null || Pattern.compile(mc.typed(), Pattern.MULTILINE).matcher(r.line()).find())
        && (mc.output() == null || Pattern.compile(mc.output(), Pattern.MULTILINE).matcher(r.output()).find())
        && (mc.exit() == null || mc.exit() == r.exitCode());
  }
}
