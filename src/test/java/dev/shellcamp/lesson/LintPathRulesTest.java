package dev.shellcamp.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.run.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 6: paths that leave the workspace, links in files/ that leave it, and two
 * lessons with one id are each a file:line problem. The corpus is src/test/resources/hostile/lint;
 * the symlinks are made at run time in a copy, since git does not keep them reliably.
 */
class LintPathRulesTest {
  @TempDir Path tmp;

  private Path corpus() throws Exception {
    Path src = Path.of(LintPathRulesTest.class.getResource("/hostile/lint").toURI());
    Path copy = tmp.resolve("lint");
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path to = copy.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    Path files = copy.resolve("paths/05-symlink/files");
    Files.createSymbolicLink(files.resolve("passwd"), Path.of("/etc/passwd"));
    Files.createSymbolicLink(files.resolve("up"), Path.of("../lesson.yaml"));
    Files.createSymbolicLink(files.resolve("same"), Path.of("data.txt"));
    return copy;
  }

  private static List<String> problems(Path root, String lesson) {
    return LessonLoader.load(root.resolve(lesson), 0).problems().stream()
        .map(p -> root.relativize(p.file()) + ":" + p.line() + ": " + p.message()).toList();
  }

  @Test
  void theGoodLessonHasNoProblems() throws Exception {
    Path root = corpus();
    LessonLoader.Loaded good = LessonLoader.load(root.resolve("paths/01-good"), 0);
    assertEquals(List.of(), good.problems());
    assertNotNull(good.lesson());
  }

  @Test
  void absolutePaths() throws Exception {
    assertEquals(List.of(
        "paths/02-absolute/lesson.yaml:8: 'file.path' must be a path in the workspace, not the absolute path '/etc/passwd'",
        "paths/02-absolute/lesson.yaml:9: 'docker.dockerfile' must be a path in the workspace, not the absolute path '/srv/Dockerfile'"),
        problems(corpus(), "paths/02-absolute"));
  }

  @Test
  void dotDotThatLeavesTheWorkspace() throws Exception {
    assertEquals(List.of(
        "paths/03-dotdot/lesson.yaml:8: 'file.path' leaves the workspace with '..' ('../other/secret.txt')",
        "paths/03-dotdot/lesson.yaml:9: 'file.path' leaves the workspace with '..' ('a/../../b')",
        "paths/03-dotdot/lesson.yaml:10: 'file.path' leaves the workspace with '..' ('~/../x')"),
        problems(corpus(), "paths/03-dotdot"));
  }

  @Test
  void tildeAfterTheFirstPart() throws Exception {
    assertEquals(List.of("paths/04-tilde/lesson.yaml:8: 'file.path' uses '~' after its start ('notes/~/x');"
        + " '~' means the workspace only as the first part"), problems(corpus(), "paths/04-tilde"));
  }

  @Test
  void symlinksOutOfFilesAreProblemsAndAreNotCopied() throws Exception {
    Path root = corpus();
    List<String> got = new ArrayList<>(problems(root, "paths/05-symlink"));
    got.sort(null);
    assertEquals(List.of(
        "paths/05-symlink/files/passwd:1: files/passwd is a symlink to '/etc/passwd', outside files/; it is not copied into the workspace",
        "paths/05-symlink/files/up:1: files/up is a symlink to '../lesson.yaml', outside files/; it is not copied into the workspace"),
        got);

    Path ws = tmp.resolve("ws");
    Workspace.fresh(ws, root.resolve("paths/05-symlink/files"));
    assertEquals("hi\n", Files.readString(ws.resolve("data.txt")));
    assertTrue(Files.isSymbolicLink(ws.resolve("same")), "a link that stays inside is copied as a link");
    assertFalse(Files.exists(ws.resolve("passwd"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertFalse(Files.exists(ws.resolve("up"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void filesFolderThatIsALinkIsRefused() throws Exception {
    Path root = corpus();
    Path lesson = root.resolve("paths/01-good");
    Files.createSymbolicLink(lesson.resolve("files"), Path.of("/etc"));
    assertEquals(List.of("paths/01-good/files:1: files/ must be a folder, not a symlink; it is not copied into the workspace"),
        problems(root, "paths/01-good"));
    Path ws = tmp.resolve("ws");
    Workspace.fresh(ws, lesson.resolve("files"));
    assertTrue(Files.isDirectory(ws, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    try (Stream<Path> s = Files.list(ws)) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void duplicateIdIsAProblemOnTheSecondLesson() throws Exception {
    Path root = corpus();
    List<LessonLoader.Loaded> loaded = Catalog.lessonDirs(root.resolve("dup")).stream()
        .map(d -> LessonLoader.load(d, 0)).toList();
    loaded.forEach(l -> assertEquals(List.of(), l.problems()));
    List<String> got = DuplicateIds.find(loaded).stream()
        .map(p -> root.relativize(p.file()) + ":" + p.line() + ": " + p.message()).toList();
    assertEquals(List.of("dup/02-same/lesson.yaml:2: id 'dup/same' is already used by "
        + root.resolve("dup/01-same/lesson.yaml").toAbsolutePath().normalize()), got);
    // the same lesson named twice is not a duplicate
    assertEquals(List.of(), DuplicateIds.find(List.of(loaded.get(0), LessonLoader.load(root.resolve("dup/01-same"), 0))));
  }

  @Test
  void catalogKeepsTheFirstOfTwoLessonsWithOneId() throws Exception {
    Path root = corpus().resolve("dup");
    Files.writeString(root.resolve("catalog.yaml"), "courses:\n  - id: dup\n    lessons: [dup/same]\n");
    Catalog c = Catalog.load(root, 0);
    assertEquals(root.resolve("01-same"), c.lesson("dup/same").orElseThrow().dir());
    assertEquals(List.of(root.resolve("02-same/lesson.yaml") + ":2: id 'dup/same' is already used by "
        + root.resolve("01-same/lesson.yaml").toAbsolutePath().normalize()),
        c.problems().stream().map(Problem::toString).toList());
  }
}
