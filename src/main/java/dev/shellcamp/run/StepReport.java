package dev.shellcamp.run;

import java.util.LinkedHashMap;
import java.util.Map;

/** verify's verdict on one step; {@code skipped} lessons carry the reason they could not run. */
public record StepReport(
    String lesson, String step, boolean unsolvedFails, boolean cheatsFail, boolean acceptsPass,
    boolean solutionPasses, boolean skipped, String reason) {

  public boolean passed() {
    return !skipped && unsolvedFails && cheatsFail && acceptsPass && solutionPasses;
  }

  public static StepReport skipped(String lesson, String reason) {
    return new StepReport(lesson, "*", false, false, false, false, true, reason);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lesson", lesson);
    m.put("step", step);
    m.put("unsolved_fails", unsolvedFails);
    m.put("cheats_fail", cheatsFail);
    m.put("accepts_pass", acceptsPass);
    m.put("solution_passes", solutionPasses);
    m.put("passed", passed());
    m.put("skipped", skipped);
    m.put("reason", reason);
    return m;
  }
}
