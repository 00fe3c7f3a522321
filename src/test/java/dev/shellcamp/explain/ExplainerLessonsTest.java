package dev.shellcamp.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.lesson.Catalog;
import dev.shellcamp.lesson.CheckSpec;
import dev.shellcamp.lesson.Lesson;
import dev.shellcamp.lesson.Step;
import dev.shellcamp.shell.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No rule, built-in or a lesson's own, names a mistake in an answer a lesson accepts: each step's
 * solution and accepted answers, typed in a workspace holding the lesson's files, with the step's
 * checks. (verify asks the same of the answers run for real, with their output and status.)
 */
class ExplainerLessonsTest {
  @TempDir Path root;

  @Test
  void everyAcceptedAnswerOfEveryLessonIsNoMistake() throws IOException {
    Catalog catalog = Catalog.load(Path.of(System.getProperty("shellcamp.lessons")), 1);
    List<String> named = new ArrayList<>();
    int answers = 0;
    for (Lesson lesson : catalog.lessons().values()) {
      Path ws = root.resolve(lesson.id().replace('/', '-'));
      copy(lesson.dir().resolve("files"), ws);
      for (Step step : lesson.steps()) {
        List<String> right = new ArrayList<>(step.accepts());
        right.add(step.solve());
        Map<String, byte[]> before = snapshots(ws, step.checks());
        for (String line : right) {
          answers++;
          // as typed at the step's start, and with a venv active (the venv lessons' answers)
          for (String venv : List.of("", ".venv")) {
            Attempt a = new Attempt(List.of(new CommandResult(line.strip(), 0, "", ws.toString())), ws, venv,
                step.checks(), before::get);
            List<String> ids = Explainer.firing(a, lesson.misconceptions(), step.id());
            if (!ids.isEmpty()) {
              named.add(lesson.id() + "/" + step.id() + ": " + line.strip() + " -> " + ids);
            }
          }
        }
      }
    }
    assertTrue(answers > 300, "the lessons' answers were found: " + answers);
    assertEquals(List.of(), named);
  }

  private static Map<String, byte[]> snapshots(Path ws, List<CheckSpec> checks) throws IOException {
    Map<String, byte[]> out = new HashMap<>();
    for (CheckSpec c : checks) {
      String p = c.string("path");
      if (c.type().equals("file") && p != null && Files.isRegularFile(ws.resolve(p))) {
        out.put(p, Files.readAllBytes(ws.resolve(p)));
      }
    }
    return out;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
  }
}
