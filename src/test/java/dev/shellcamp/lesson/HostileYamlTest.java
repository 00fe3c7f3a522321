package dev.shellcamp.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lessons built to exhaust the loader (alias bombs, recursion, nesting, size). Each must come
 * back as one lesson.yaml problem on the line that crossed the bound, quickly and in the default
 * surefire heap: the timeout is what a bomb that is expanded instead of refused runs into.
 */
class HostileYamlTest {
  @TempDir Path tmp;

  static Path hostile(String name) throws Exception {
    return Path.of(HostileYamlTest.class.getResource("/hostile/yaml/" + name).toURI());
  }

  static Stream<Arguments> bombs() {
    return Stream.of(
        Arguments.of("doubling-aliases.yaml", 17, "more than"),
        Arguments.of("recursive-alias.yaml", 3, "recursive"),
        Arguments.of("recursive-map.yaml", 4, "recursive"),
        Arguments.of("deep-nesting.yaml", 3, "nested deeper"),
        Arguments.of("huge-scalar.yaml", 3, "longer than"),
        Arguments.of("many-keys.yaml", 10002, "more than"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bombs")
  void bombIsOneProblemOnItsLine(String name, int line, String says) throws Exception {
    Path dir = tmp.resolve("hostile/bomb");
    Files.createDirectories(dir);
    Files.copy(hostile(name), dir.resolve("lesson.yaml"));
    LessonLoader.Loaded loaded = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> LessonLoader.load(dir, 0));
    assertNull(loaded.lesson());
    List<Problem> problems = loaded.problems();
    assertEquals(1, problems.size(), problems.toString());
    Problem p = problems.get(0);
    assertEquals(dir.resolve("lesson.yaml"), p.file());
    assertEquals(line, p.line(), p.toString());
    assertTrue(p.message().contains(says), p.toString());
  }

  @Test
  void oversizedFileIsRefusedBeforeItIsRead() throws Exception {
    Path dir = tmp.resolve("hostile/big");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("lesson.yaml"), "format: 1\n" + "# padding\n".repeat(300_000));
    LessonLoader.Loaded loaded = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> LessonLoader.load(dir, 0));
    assertEquals(1, loaded.problems().size(), loaded.problems().toString());
    assertEquals(1, loaded.problems().get(0).line());
    assertTrue(loaded.problems().get(0).message().contains("larger than"), loaded.problems().toString());
  }

  @Test
  void shippedLessonsWithAliasesStillLoad() throws Exception {
    Path lessons = Path.of(System.getProperty("shellcamp.lessons"));
    for (String id : List.of("docker/04-dockerfile", "docker/03-volumes-ports-env", "mlops/04-serving-build")) {
      LessonLoader.Loaded loaded = LessonLoader.load(lessons.resolve(id), 0);
      assertEquals(List.of(), loaded.problems(), id);
    }
  }
}
