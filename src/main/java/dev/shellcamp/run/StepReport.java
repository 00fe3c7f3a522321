package dev.shellcamp.run;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * verify's verdict on one step: which of its four promises {@code held}, and why not. A step
 * that could not be tried holds none; {@code skipped} ones (this machine lacks what they need)
 * carry the reason they could not run.
 */
public record StepReport(String lesson, String step, Set<Held> held, boolean skipped, String reason, Generated generated) {

  /**
   * The cheats verify made up for the step: how many ran, how many passed although nobody
   * accepted them (each fails the step), and how many passed as the author's lesson.yaml accepts.
   */
  public record Generated(int ran, int passed, int accepted) {
    public static final Generated NONE = new Generated(0, 0, 0);

    public Generated plus(Generated o) {
      return new Generated(ran + o.ran, passed + o.passed, accepted + o.accepted);
    }
  }

  /** What verify proves of a step. */
  public enum Held {
    /** the step fails before anything was typed */
    UNSOLVED_FAILS,
    /** every cheat fails */
    CHEATS_FAIL,
    /** every accepted answer passes */
    ACCEPTS_PASS,
    /** the solution passes */
    SOLUTION_PASSES
  }

  public StepReport(String lesson, String step, Set<Held> held, boolean skipped, String reason) {
    this(lesson, step, held, skipped, reason, Generated.NONE);
  }

  public StepReport {
    held = Collections.unmodifiableSet(held.isEmpty() ? EnumSet.noneOf(Held.class) : EnumSet.copyOf(held));
  }

  /** A step that was tried: {@code reason} lists the problems, "" when there are none. */
  static StepReport tried(String lesson, String step, Set<Held> held, String reason, Generated generated) {
    return new StepReport(lesson, step, held, false, reason, generated);
  }

  /** A step (or with "*", a lesson) that could not be tried, and so fails. */
  static StepReport failed(String lesson, String step, String reason) {
    return new StepReport(lesson, step, Set.of(), false, reason);
  }

  /** A step this machine cannot run; it neither passes nor fails. */
  static StepReport skipped(String lesson, String step, String reason) {
    return new StepReport(lesson, step, Set.of(), true, reason);
  }

  public static StepReport skipped(String lesson, String reason) {
    return skipped(lesson, "*", reason);
  }

  /** A lesson that does not load, so no step of it can be tried. */
  public static StepReport unloadable(String lesson, String reason) {
    return failed(lesson, "*", reason);
  }

  public boolean unsolvedFails() {
    return held.contains(Held.UNSOLVED_FAILS);
  }

  public boolean cheatsFail() {
    return held.contains(Held.CHEATS_FAIL);
  }

  public boolean acceptsPass() {
    return held.contains(Held.ACCEPTS_PASS);
  }

  public boolean solutionPasses() {
    return held.contains(Held.SOLUTION_PASSES);
  }

  public boolean passed() {
    return !skipped && held.size() == Held.values().length;
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lesson", lesson);
    m.put("step", step);
    m.put("unsolved_fails", unsolvedFails());
    m.put("cheats_fail", cheatsFail());
    m.put("accepts_pass", acceptsPass());
    m.put("solution_passes", solutionPasses());
    m.put("passed", passed());
    m.put("skipped", skipped);
    m.put("generated_cheats", generated.ran());
    m.put("generated_cheats_passed", generated.passed());
    m.put("generated_cheats_accepted", generated.accepted());
    m.put("reason", reason);
    return m;
  }
}
