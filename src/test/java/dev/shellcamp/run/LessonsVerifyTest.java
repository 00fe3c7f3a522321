package dev.shellcamp.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.lesson.Catalog;
import dev.shellcamp.lesson.LessonLoader;
import dev.shellcamp.shell.Capabilities;
import dev.shellcamp.ui.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * `shellcamp verify lessons/` as part of the build: every lesson, in a real PTY bash, with a
 * fresh random seed each run so memorised values cannot hide a bad check.
 *
 * <p>Verifying is mostly waiting (servers, containers, sleeps), so courses run in two lanes at
 * once. Lanes are chosen so that no two lessons that may share a port or a container name run
 * together (linux/server and the debugging drills draw ports from overlapping ranges), and the
 * latency-measuring MLOps course runs alone afterwards, so the others cannot slow its SLO steps.
 */
class LessonsVerifyTest {
  private static final List<List<String>> LANES = List.of(List.of("swe", "linux", "debugging"),
      List.of("python", "docker"));

  /** What verifying one lesson found, computed on a lane's thread and asserted in its test. */
  private record Outcome(List<String> problems, Optional<Capabilities.Probe> missing, List<String> failures) {}

  @TestFactory
  Stream<DynamicTest> everyLessonVerifies() {
    Path root = Path.of(System.getProperty("shellcamp.lessons"));
    long seed = System.nanoTime() & Long.MAX_VALUE;
    Capabilities caps = new Capabilities();
    Catalog catalog = Catalog.load(root, seed);
    Map<String, Path> dirs = new LinkedHashMap<>();
    for (Path dir : Catalog.lessonDirs(root)) {
      dirs.put(root.relativize(dir).toString(), dir);
    }
    Map<String, CompletableFuture<Outcome>> outcomes = new LinkedHashMap<>();
    dirs.forEach((name, dir) -> outcomes.put(name, new CompletableFuture<>()));

    List<List<String>> lanes = new ArrayList<>();
    List<String> alone = new ArrayList<>(dirs.keySet());
    for (List<String> courses : LANES) {
      List<String> lane = new ArrayList<>();
      catalog.courses().stream().filter(c -> courses.contains(c.id())).flatMap(c -> c.lessonIds().stream())
          .flatMap(id -> catalog.lesson(id).stream())
          .map(l -> root.relativize(l.dir()).toString())
          .filter(dirs::containsKey)
          .forEach(lane::add);
      alone.removeAll(lane);
      lanes.add(lane);
    }
    // own threads: the common pool has one thread on a 2-core machine
    List<Thread> running = new ArrayList<>();
    for (List<String> lane : lanes) {
      Thread t = new Thread(() -> verifyAll(lane, dirs, outcomes, seed, caps), "verify-lane-" + running.size());
      t.setDaemon(true);
      t.start();
      running.add(t);
    }
    Thread last = new Thread(() -> {
      for (Thread t : running) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      verifyAll(alone, dirs, outcomes, seed, caps);
    }, "verify-alone");
    last.setDaemon(true);
    last.start();

    return outcomes.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
      Outcome o = e.getValue().get(20, TimeUnit.MINUTES);
      assertTrue(o.problems().isEmpty(), o.problems().toString());
      if (o.missing().isPresent() && Capabilities.required().contains(o.missing().get().name())) {
        throw new AssertionError("this machine promises " + o.missing().get().name() + " but: "
            + o.missing().get().detail());
      }
      Assumptions.assumeTrue(o.missing().isEmpty(), () -> "skipped: needs " + o.missing().get().name());
      assertTrue(o.failures().isEmpty(), "seed " + seed + "\n" + String.join("\n", o.failures()));
    }));
  }

  private static void verifyAll(List<String> names, Map<String, Path> dirs,
      Map<String, CompletableFuture<Outcome>> outcomes, long seed, Capabilities caps) {
    Verifier verifier = new Verifier(Messages.of("en"));
    for (String name : names) {
      try {
        LessonLoader.Loaded l = LessonLoader.load(dirs.get(name), seed);
        if (!l.problems().isEmpty()) {
          outcomes.get(name).complete(new Outcome(l.problems().stream().map(Object::toString).toList(),
              Optional.empty(), List.of()));
          continue;
        }
        Optional<Capabilities.Probe> missing = caps.missing(l.lesson().requires());
        List<String> failures = new ArrayList<>();
        if (missing.isEmpty()) {
          for (StepReport r : verifier.verify(l.lesson(), x -> { })) {
            if (!r.passed() && !r.skipped()) {
              failures.add(r.step() + ": " + r.reason());
            }
          }
        }
        outcomes.get(name).complete(new Outcome(List.of(), missing, failures));
      } catch (RuntimeException e) {
        outcomes.get(name).completeExceptionally(e);
      }
    }
  }
}
