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
public record StepReport(String lesson, String step, Set<Held> held, boolean skipped, String reason) {

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

  public StepReport {
    held = Collections.unmodifiableSet(held.isEmpty() ? EnumSet.noneOf(Held.class) : EnumSet.copyOf(held));
  }

  /** A step that was tried: {@code reason} lists the problems, "" when there are none. */
  static StepReport tried(String lesson, String step, Set<Held> held, String reason) {
    return new StepReport(lesson, step, held, false, reason);
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
    m.put("reason", reason);
    return m;
  }
}
