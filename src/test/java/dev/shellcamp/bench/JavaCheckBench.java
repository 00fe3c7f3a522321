package dev.shellcamp.bench;

import dev.shellcamp.check.Checks;
import dev.shellcamp.check.LearnerStats;
import dev.shellcamp.check.Result;
import dev.shellcamp.lesson.Catalog;
import dev.shellcamp.lesson.CheckSpec;
import dev.shellcamp.lesson.Lesson;
import dev.shellcamp.lesson.LessonLoader;
import dev.shellcamp.run.LessonRun;
import dev.shellcamp.run.Workspace;
import dev.shellcamp.ui.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * scripts/bench's java-check part: a first check (child JVM and JShell started on the spot), a
 * repeated check after each edit of the learner's file (a warm spare waiting, as when a learner
 * edits between checks), an unchanged file (remembered), and the jshell command-line tool's own
 * start and exit as the peer.
 */
public final class JavaCheckBench {
  private static final String STATS = LearnerStats.SOURCE;

  private JavaCheckBench() {}

  public static void main(String[] args) throws Exception {
    Path lessons = Path.of(args[0]);
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    CheckSpec spec = new CheckSpec("java", Map.of("file", "Stats.java", "cases", List.of(
        Map.of("expr", "Stats.mean(new int[]{1, 2})", "equals", "1.5"),
        Map.of("expr", "Stats.max(new int[]{3, 9, 4})", "equals", "9"),
        Map.of("expr", "Stats.max(new int[]{})", "throws", "IllegalArgumentException"))), 1);
    Lesson any = LessonLoader.load(Catalog.lessonDirs(lessons).get(0), 1).lesson();
    Path root = Files.createTempDirectory("shellcamp-javabench-");
    try (LessonRun run = LessonRun.open(any, root.resolve("ws"), true, 100, 30, Messages.of("en"))) {
      Path file = run.workspace().resolve("Stats.java");
      Files.writeString(file, STATS);
      long t0 = System.nanoTime();
      Result first = Checks.evaluate(spec, run.context());
      double firstMs = (System.nanoTime() - t0) / 1e6;
      require(first);
      List<Double> samples = new ArrayList<>();
      for (int i = 0; i < repeats; i++) {
        Files.writeString(file, STATS + "// edit " + i + "\n");
        Thread.sleep(1500);  // the learner edits; the spare warms meanwhile
        t0 = System.nanoTime();
        require(Checks.evaluate(spec, run.context()));
        samples.add((System.nanoTime() - t0) / 1e6);
      }
      t0 = System.nanoTime();
      require(Checks.evaluate(spec, run.context()));
      double unchanged = (System.nanoTime() - t0) / 1e6;
      Collections.sort(samples);
      System.out.printf("java_check_ms first=%.0f repeated_median=%.0f repeated_p90=%.0f unchanged=%.2f (3 cases, %d repeats)%n",
          firstMs, samples.get(samples.size() / 2), samples.get((int) (samples.size() * 0.9)), unchanged, repeats);
    }
    Workspace.wipe(root);
    peer();
    System.exit(0);
  }

  private static void require(Result r) {
    if (!r.passed()) {
      throw new IllegalStateException("the bench's check should pass: " + r.reason());
    }
  }

  /** The jshell tool started with no terminal and told to exit: JVM, JDI engine and one round trip. */
  private static void peer() throws Exception {
    List<Double> samples = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder("jshell", "-q").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().write("/exit\n".getBytes());
      p.getOutputStream().close();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return;
      }
      samples.add((System.nanoTime() - t0) / 1e6);
    }
    Collections.sort(samples);
    System.out.printf("peer_jshell_start_exit_ms median=%.0f%n", samples.get(samples.size() / 2));
  }
}
