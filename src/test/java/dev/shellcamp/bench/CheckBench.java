package dev.shellcamp.bench;

import dev.shellcamp.lesson.Catalog;
import dev.shellcamp.lesson.Lesson;
import dev.shellcamp.lesson.LessonLoader;
import dev.shellcamp.lesson.Step;
import dev.shellcamp.run.LessonDocker;
import dev.shellcamp.run.LessonRun;
import dev.shellcamp.run.Workspace;
import dev.shellcamp.shell.OutputSink;
import dev.shellcamp.shell.PtyShell;
import dev.shellcamp.ui.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * scripts/bench's in-process part: time to evaluate each step's checks after its solution ran
 * (real files, real shell queries), and the PTY shell's own round trip for a command.
 */
public final class CheckBench {
  private CheckBench() {}

  public static void main(String[] args) throws Exception {
    Path lessons = Path.of(args[0]);
    List<Double> checkMs = new ArrayList<>();
    Path root = Files.createTempDirectory("shellcamp-bench-");
    Messages m = Messages.of("en");
    for (Path dir : Catalog.lessonDirs(lessons)) {
      Lesson lesson = LessonLoader.load(dir, 1).lesson();
      if (lesson == null) {
        continue;
      }
      LessonDocker docker = LessonDocker.prepare(lesson, true, LessonDocker.QUIET);
      try (LessonRun run = LessonRun.open(lesson, root.resolve(lesson.id()), true, 100, 30, m)) {
        for (int i = 0; i < lesson.steps().size(); i++) {
          run.enter(i);
          String solve = lesson.steps().get(i).solve().strip();
          Optional<String> answer = Step.answerIn(solve);
          if (answer.isPresent()) {
            run.answer(answer.get());
          } else {
            run.run(solve, OutputSink.DISCARD, Duration.ofSeconds(30));
          }
          for (int k = 0; k < 5; k++) {
            run.evaluate();
          }
          List<Double> samples = new ArrayList<>();
          for (int k = 0; k < 21; k++) {
            long t0 = System.nanoTime();
            run.evaluate();
            samples.add((System.nanoTime() - t0) / 1e6);
          }
          Collections.sort(samples);
          checkMs.add(samples.get(samples.size() / 2));
        }
      } finally {
        if (docker != null) {
          docker.removeAll();
        }
      }
    }
    Collections.sort(checkMs);
    System.out.printf("check_eval_ms median=%.3f p90=%.3f max=%.3f steps=%d%n",
        checkMs.get(checkMs.size() / 2), checkMs.get((int) (checkMs.size() * 0.9)), checkMs.get(checkMs.size() - 1),
        checkMs.size());

    // the fixed cost of a `run` check: a one-line script that passes at once
    dev.shellcamp.lesson.CheckSpec trivial = new dev.shellcamp.lesson.CheckSpec("run", Map.of("value", "exit 0"), 1);
    Lesson any = LessonLoader.load(Catalog.lessonDirs(lessons).get(0), 1).lesson();
    try (LessonRun run = LessonRun.open(any, root.resolve("trivial"), true, 100, 30, m)) {
      List<Double> samples = new ArrayList<>();
      for (int k = 0; k < 120; k++) {
        long t0 = System.nanoTime();
        dev.shellcamp.check.Checks.evaluate(trivial, run.context());
        if (k >= 20) {
          samples.add((System.nanoTime() - t0) / 1e6);
        }
      }
      Collections.sort(samples);
      System.out.printf("run_check_fixed_cost_ms median=%.3f p90=%.3f%n", samples.get(samples.size() / 2),
          samples.get((int) (samples.size() * 0.9)));
    }

    Path ws = root.resolve("shell");
    Files.createDirectories(ws);
    try (PtyShell shell = PtyShell.start(ws, Map.of(), 100, 30)) {
      for (String cmd : new String[] {"true", "/bin/true"}) {
        for (int k = 0; k < 50; k++) {
          shell.run(cmd, OutputSink.DISCARD, Duration.ofSeconds(5));
        }
        List<Double> samples = new ArrayList<>();
        for (int k = 0; k < 400; k++) {
          long t0 = System.nanoTime();
          shell.run(cmd, OutputSink.DISCARD, Duration.ofSeconds(5));
          samples.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(samples);
        System.out.printf("ptyshell_roundtrip_ms cmd=%s median=%.3f p90=%.3f%n", cmd,
            samples.get(samples.size() / 2), samples.get((int) (samples.size() * 0.9)));
      }
    }
    Workspace.wipe(root);
  }
}
