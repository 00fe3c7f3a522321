package dev.shellcamp.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lint corpus: src/test/resources/lint-corpus/&lt;course&gt;/&lt;NN-name&gt;/ holds lessons with exactly
 * one deliberate defect each, and an expected.txt of {@code FILE:LINE: SUBSTRING} lines. The loader
 * must refuse each lesson and report exactly those problems: one problem per expected line (same
 * file name, same line, message containing the substring) and nothing else.
 */
class LintCorpusTest {
  private static final Pattern EXPECTED = Pattern.compile("([^:]+):(\\d+): (.+)");

  static Path corpus() throws URISyntaxException {
    URL url = LintCorpusTest.class.getResource("/lint-corpus");
    assertNotNull(url, "lint-corpus is not on the test class path");
    return Path.of(url.toURI());
  }

  static Stream<String> corpusFolders() throws IOException, URISyntaxException {
    Path root = corpus();
    try (Stream<Path> s = Files.walk(root, 2)) {
      List<String> dirs = s.filter(p -> Files.isRegularFile(p.resolve("expected.txt")))
          .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
      assertTrue(dirs.size() >= 18, "the corpus should hold at least 18 broken lessons, found " + dirs.size());
      return dirs.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusFolders")
  void corpusLessonReportsExactlyItsDefect(String folder) throws Exception {
    assertCorpusLesson(folder);
  }

  private static void assertCorpusLesson(String folder) throws Exception {
    Path dir = corpus().resolve(folder);
    List<Expected> expected = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      Matcher m = EXPECTED.matcher(line.strip());
      if (!m.matches()) {
        fail(folder + "/expected.txt: not FILE:LINE: SUBSTRING: " + line);
      }
      expected.add(new Expected(m.group(1), Integer.parseInt(m.group(2)), m.group(3)));
    }
    assertFalse(expected.isEmpty(), folder + "/expected.txt is empty");

    LessonLoader.Loaded loaded = LessonLoader.load(dir, 0);
    List<String> got = loaded.problems().stream().map(LintCorpusTest::render).toList();
    String report = folder + "\n  expected: " + expected + "\n  got:      " + got;
    assertNull(loaded.lesson(), "a broken lesson must not load: " + report);

    boolean[] used = new boolean[got.size()];
    for (Expected e : expected) {
      List<Integer> hits = new ArrayList<>();
      for (int i = 0; i < loaded.problems().size(); i++) {
        if (e.matches(loaded.problems().get(i))) {
          hits.add(i);
        }
      }
      assertEquals(1, hits.size(), "expected line '" + e + "' should match exactly one problem: " + report);
      assertFalse(used[hits.get(0)], "two expected lines match the same problem: " + report);
      used[hits.get(0)] = true;
    }
    List<String> extra = new ArrayList<>();
    for (int i = 0; i < got.size(); i++) {
      if (!used[i]) {
        extra.add(got.get(i));
      }
    }
    assertTrue(extra.isEmpty(), "problems not in expected.txt: " + extra + "\n" + report);
  }

  private static String render(Problem p) {
    return p.file().getFileName() + ":" + p.line() + ": " + p.message();
  }

  private record Expected(String file, int line, String substring) {
    boolean matches(Problem p) {
      return p.file().getFileName().toString().equals(file) && p.line() == line && p.message().contains(substring);
    }

    @Override
    public String toString() {
      return file + ":" + line + ": " + substring;
    }
  }

  // ---- Catalog: one good and one broken lesson ----

  static final String GOOD_YAML = """
      format: 1
      id: demo/%s
      requires: [bash]
      vars:
        WORD: {pick: [apple, pear]}
      steps:
        - id: say
          check:
            - output: {contains: "${WORD}"}
          solve: echo ${WORD}
          cheats:
            - echo nothing
      """;
  private static final String EN = """
      # Say a word

      Intro.

      ## say

      Print `${WORD}`.

      ### hints
      - use `echo`
      """;
  private static final String KO = """
      # 단어 말하기

      소개입니다.

      ## say

      `${WORD}`를 출력하세요.

      ### hints
      - `echo`를 쓰세요
      """;

  static void writeLesson(Path dir, String yaml) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("lesson.yaml"), yaml);
    Files.writeString(dir.resolve("en.md"), EN);
    Files.writeString(dir.resolve("ko.md"), KO);
  }

  /**
   * {@code root} as a catalog of one course, demo (English title {@code title}, YAML
   * double-quoted), with lesson demo/good and demo/bad, which has an unknown format.
   */
  static Path demoCatalog(Path root, String title) throws IOException {
    Files.writeString(root.resolve("catalog.yaml"), """
        format: 1
        courses:
          - id: demo
            title: {en: "%s", ko: "데모"}
            lessons: [demo/good, demo/bad]
        """.formatted(title));
    writeLesson(root.resolve("demo/01-good"), GOOD_YAML.formatted("good"));
    writeLesson(root.resolve("demo/02-bad"), GOOD_YAML.formatted("bad").replace("format: 1", "format: 2"));
    return root;
  }

  @Test
  void catalogLoadsTheGoodLessonAndReportsTheBrokenOne(@TempDir Path root) throws IOException {
    demoCatalog(root, "Demo");

    Catalog c = Catalog.load(root, 3);

    assertEquals(List.of("demo"), c.courses().stream().map(Course::id).toList());
    assertEquals("데모", c.courses().get(0).title("ko"));
    assertEquals(List.of("demo/good", "demo/bad"), c.lessonIds());
    assertEquals(List.of("demo/good"), List.copyOf(c.lessons().keySet()));
    Lesson good = c.lesson("demo/good").orElseThrow();
    assertEquals("Say a word", good.title("en"));
    assertEquals("단어 말하기", good.title("ko"));
    assertTrue(List.of("apple", "pear").contains(good.values().get("WORD")));
    assertEquals("echo " + good.values().get("WORD"), good.steps().get(0).solve());
    assertTrue(c.lesson("demo/bad").isEmpty());

    assertEquals(1, c.problems().size(), "problems: " + c.problems());
    Problem p = c.problems().get(0);
    assertEquals(root.resolve("demo/02-bad/lesson.yaml"), p.file());
    assertEquals(1, p.line());
    assertTrue(p.message().contains("'format: 1' is required"), p.message());
    assertEquals(List.of(p), c.problemsOf("demo/bad"));
    assertTrue(c.problemsOf("demo/good").isEmpty());
  }

  // ---- the real lessons ----

  @Test
  void everyRealLessonLoadsCleanlyWithFiveSeeds() {
    String prop = System.getProperty("shellcamp.lessons");
    assertNotNull(prop, "surefire should set -Dshellcamp.lessons");
    Path root = Path.of(prop);
    List<Path> dirs = Catalog.lessonDirs(root);
    assertFalse(dirs.isEmpty(), "no lessons under " + root);
    List<String> problems = new ArrayList<>();
    for (long seed : new long[] {0, 1, 7, 42, 20240601}) {
      for (Path dir : dirs) {
        LessonLoader.Loaded l = LessonLoader.load(dir, seed);
        l.problems().forEach(p -> problems.add("seed " + seed + ": " + p));
        if (l.problems().isEmpty() && l.lesson() == null) {
          problems.add("seed " + seed + ": " + dir + " returned no lesson and no problem");
        }
      }
      Catalog c = Catalog.load(root, seed);
      c.problems().forEach(p -> problems.add("seed " + seed + " (catalog): " + p));
      assertEquals(dirs.size(), c.lessons().size(), "seed " + seed + ": every lesson folder should load");
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }
}
