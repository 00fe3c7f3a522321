package dev.shellcamp.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.lesson.Catalog;
import dev.shellcamp.lesson.LessonLoader;
import dev.shellcamp.shell.Capabilities;
import dev.shellcamp.ui.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * `shellcamp verify lessons/` as part of the build: every lesson, in a real PTY bash, with a
 * fresh random seed each run so memorised values cannot hide a bad check.
 */
class LessonsVerifyTest {
  @TestFactory
  Stream<DynamicTest> everyLessonVerifies() {
    Path root = Path.of(System.getProperty("shellcamp.lessons"));
    long seed = System.nanoTime() & Long.MAX_VALUE;
    Capabilities caps = new Capabilities();
    Verifier verifier = new Verifier(Messages.of("en"));
    List<DynamicTest> tests = new ArrayList<>();
    for (Path dir : Catalog.lessonDirs(root)) {
      tests.add(DynamicTest.dynamicTest(root.relativize(dir).toString(), () -> {
        LessonLoader.Loaded l = LessonLoader.load(dir, seed);
        assertTrue(l.problems().isEmpty(), l.problems().toString());
        var missing = caps.missing(l.lesson().requires());
        if (missing.isPresent() && Capabilities.required().contains(missing.get().name())) {
          throw new AssertionError("this machine promises " + missing.get().name() + " but: " + missing.get().detail());
        }
        Assumptions.assumeTrue(missing.isEmpty(), () -> "skipped: needs " + missing.get().name());
        List<String> failures = new ArrayList<>();
        for (StepReport r : verifier.verify(l.lesson(), x -> { })) {
          if (!r.passed() && !r.skipped()) {
            failures.add(r.step() + ": " + r.reason());
          }
        }
        assertTrue(failures.isEmpty(), "seed " + seed + "\n" + String.join("\n", failures));
      }));
    }
    return tests.stream();
  }
}
