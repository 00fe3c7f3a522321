package dev.shellcamp.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.lesson.LessonLoader;
import dev.shellcamp.shell.Capabilities;
import dev.shellcamp.ui.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A step-level `requires` the machine lacks: verify skips that step only, or fails it where CI promised it. */
class StepRequiresTest {
  private static Path lesson() throws Exception {
    return Path.of(StepRequiresTest.class.getResource("/step-requires/demo/01-needs").toURI());
  }

  @Test
  void aStepNeedingAMissingCapabilityIsSkippedAndTheOthersStillRun() throws Exception {
    LessonLoader.Loaded l = LessonLoader.load(lesson(), 1);
    assertTrue(l.problems().isEmpty(), l.problems().toString());
    assertEquals(List.of("docker"), l.lesson().steps().get(1).requires());
    Capabilities noDocker = new Capabilities(Map.of("SHELLCAMP_DISABLE", "docker"));
    List<StepReport> reports = new Verifier(Messages.of("en"), noDocker, Set.of()).verify(l.lesson(), r -> { });
    assertEquals(3, reports.size(), reports.toString());
    assertTrue(reports.get(0).passed(), reports.get(0).reason());
    assertTrue(reports.get(1).skipped());
    assertFalse(reports.get(1).passed());
    assertEquals("needs docker: turned off by SHELLCAMP_DISABLE", reports.get(1).reason());
    assertTrue(reports.get(2).passed(), "the step after a skipped one runs: " + reports.get(2).reason());
  }

  @Test
  void aMachineThatPromisesTheCapabilityFailsTheStepInstead() throws Exception {
    LessonLoader.Loaded l = LessonLoader.load(lesson(), 1);
    Capabilities noDocker = new Capabilities(Map.of("SHELLCAMP_DISABLE", "docker"));
    List<StepReport> reports = new Verifier(Messages.of("en"), noDocker, Set.of("docker")).verify(l.lesson(), r -> { });
    assertFalse(reports.get(1).skipped());
    assertFalse(reports.get(1).passed());
    assertTrue(reports.get(1).reason().contains("promises docker"), reports.get(1).reason());
  }
}
