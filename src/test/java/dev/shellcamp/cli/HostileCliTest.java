package dev.shellcamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alias bombs through the command line: lint goes on past one, and a bombed progress.json is moved aside. */
class HostileCliTest {
  @TempDir Path data;

  @Test
  void oneBombDoesNotStopTheOtherReports() throws Exception {
    Path course = data.resolve("lessons/linux");
    Path shipped = Path.of(System.getProperty("shellcamp.lessons"), "linux");
    Path good;
    try (Stream<Path> s = Files.list(shipped)) {
      good = s.filter(p -> Files.isRegularFile(p.resolve("lesson.yaml"))).sorted().findFirst().orElseThrow();
    }
    copy(good, course.resolve(good.getFileName()));
    // the same lesson again under a folder its id still matches, with one defect added
    Path broken = course.resolve(good.getFileName().toString().replaceFirst("^\\d+-", "99-"));
    copy(good, broken);
    Files.writeString(broken.resolve("lesson.yaml"), Files.readString(broken.resolve("lesson.yaml")) + "bogus: 1\n");
    Path bomb = course.resolve("00-bomb");
    Files.createDirectories(bomb);
    Files.copy(Path.of(getClass().getResource("/hostile/yaml/doubling-aliases.yaml").toURI()), bomb.resolve("lesson.yaml"));

    Cli.Run r = Cli.run(data, "", "lint", course.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertFalse(r.err().contains("Error"), r.err());
    assertTrue(r.out().contains(bomb.resolve("lesson.yaml") + ":17: "), r.out());
    assertTrue(r.out().contains(broken.resolve("lesson.yaml") + ":"), r.out());
    assertTrue(r.out().contains("unknown key 'bogus'"), r.out());
    // the copy keeps its id, which lint also reports
    assertTrue(r.out().contains("is already used by"), r.out());
    assertTrue(r.out().contains("3 lessons checked, 3 problems"), r.out());
  }

  @Test
  void recursiveProgressFileIsMovedAsideAndTheLaunchGoesOn() throws Exception {
    Path f = data.resolve("shellcamp/progress.json");
    Files.createDirectories(f.getParent());
    Files.copy(Path.of(getClass().getResource("/hostile/yaml/recursive-alias.yaml").toURI()), f);
    Cli.Run r = Cli.run(data, "", "progress", "--json");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("\"lessons\""), r.out());
    assertTrue(r.err().contains("progress.json.corrupt-") && r.err().contains("recursive alias"), r.err());
    assertFalse(r.err().contains("StackOverflowError"), r.err());
    assertFalse(Files.exists(f));
    Cli.Run again = Cli.run(data, "", "progress", "--json");
    assertEquals(0, again.code());
    assertEquals("", again.err());
  }

  private static void copy(Path from, Path to) throws Exception {
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(p)) {
          Files.copy(p, to.resolve(p.getFileName()));
        }
      }
    }
  }
}
