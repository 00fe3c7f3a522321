package dev.shellcamp.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.guard.ShellVars;
import dev.shellcamp.lesson.Catalog;
import dev.shellcamp.lesson.Lesson;
import dev.shellcamp.lesson.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every line a lesson expects a learner to type (its solution, the answers it accepts, the
 * wrong answers it anticipates) runs without the guard asking: asking there would teach that the
 * warning means nothing.
 */
class DangerGuardLessonsTest {
  @TempDir Path ws;

  @Test
  void aLessonsOwnLinesRunUnasked() {
    Catalog catalog = Catalog.load(Path.of(System.getProperty("shellcamp.lessons")), 1);
    ShellVars shell = ShellVars.of(Map.of("HOME", ws.toString()));
    List<String> asked = new ArrayList<>();
    int lines = 0;
    for (Lesson lesson : catalog.lessons().values()) {
      for (Step step : lesson.steps()) {
        List<String> typed = new ArrayList<>(step.accepts());
        typed.addAll(step.cheats());
        if (step.solve() != null) {
          typed.add(step.solve());
        }
        for (String line : typed) {
          lines++;
          DangerGuard.judge(line.strip(), ws, ws, shell)
              .ifPresent(d -> asked.add(lesson.id() + "/" + step.id() + ": " + line.strip() + " -> " + d));
        }
      }
    }
    assertTrue(lines > 500, "the lessons' lines were found: " + lines);
    assertEquals(List.of(), asked);
  }
}
