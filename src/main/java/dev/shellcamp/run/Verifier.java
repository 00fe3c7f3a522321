package dev.shellcamp.run;

import dev.shellcamp.check.Result;
import dev.shellcamp.lesson.Lesson;
import dev.shellcamp.lesson.Step;
import dev.shellcamp.run.StepReport.Held;
import dev.shellcamp.shell.Capabilities;
import dev.shellcamp.shell.CommandResult;
import dev.shellcamp.shell.OutputSink;
import dev.shellcamp.ui.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Tests a lesson like code, in a fresh workspace and a real PTY bash: every step must fail
 * before the learner acts, every cheat must fail, every accepted answer and the solution must
 * pass. Before each attempt the workspace is put back as it was before the step and the step's
 * setup runs again, so attempts cannot help each other: a drill's broken state (a squatted port,
 * a runaway process, a broken PATH) is broken again for every one. Step setups must therefore be
 * idempotent. A step whose {@code requires} this machine lacks is reported skipped.
 */
public final class Verifier {
  private static final Duration COMMAND_LIMIT = Duration.ofSeconds(30);
  private final Messages messages;
  private final Capabilities caps;
  private final Set<String> required;

  public Verifier(Messages messages) {
    this(messages, new Capabilities(), Capabilities.required());
  }

  /** {@code required}: capabilities this machine promises (CI), whose absence fails instead of skipping. */
  public Verifier(Messages messages, Capabilities caps, Set<String> required) {
    this.messages = messages;
    this.caps = caps;
    this.required = Set.copyOf(required);
  }

  public List<StepReport> verify(Lesson lesson, Consumer<StepReport> each) {
    List<StepReport> reports = new ArrayList<>();
    Path root = null;
    LessonDocker docker = null;
    try {
      root = Files.createTempDirectory("shellcamp-verify-");
      Path ws = root.resolve("home");
      docker = LessonDocker.prepare(lesson, true, LessonDocker.QUIET);
      // a lesson's verify/ folder: reference files that solutions, accepts and cheats may copy,
      // never put in the learner's workspace
      Map<String, String> env = Map.of("SHELLCAMP_VERIFY_FILES", lesson.dir().resolve("verify").toAbsolutePath().toString());
      try (LessonRun run = LessonRun.open(lesson, ws, true, 120, 40, messages, env)) {
        run.shell().unattended(true);
        String lessonSetup = run.setupProblem();
        for (int i = 0; i < lesson.steps().size(); i++) {
          StepReport r = lessonSetup != null && i == 0
              ? StepReport.failed(lesson.id(), lesson.steps().get(0).id(), "lesson setup: " + lessonSetup)
              : step(run, i, root, docker);
          reports.add(r);
          each.accept(r);
        }
      }
    } catch (IOException | RuntimeException e) {
      StepReport r = StepReport.failed(lesson.id(), "*", "could not run: " + e.getMessage());
      reports.add(r);
      each.accept(r);
    } finally {
      if (docker != null) {
        docker.removeAll();
      }
      if (root != null) {
        try {
          Workspace.wipe(root);
        } catch (IOException e) {
          // a temp dir left behind
        }
      }
    }
    return reports;
  }

  /** {@code docker}: the lesson's engine objects, or null for a lesson without Docker. */
  private StepReport step(LessonRun run, int i, Path root, LessonDocker docker) throws IOException {
    Step step = run.lesson().steps().get(i);
    String id = run.lesson().id();
    Optional<Capabilities.Probe> missing = caps.missing(step.requires());
    if (missing.isPresent()) {
      String need = missing.get().name() + ": " + missing.get().detail();
      if (required.contains(missing.get().name())) {
        return StepReport.failed(id, step.id(), "this machine promises " + need);
      }
      run.park(i);
      return StepReport.skipped(id, step.id(), "needs " + need);
    }
    Path before = root.resolve("before");
    WorkspaceSync.restore(run.workspace(), before);
    if (docker != null) {
      docker.markStep();
    }
    run.enter(i);
    if (run.setupProblem() != null) {
      return StepReport.failed(id, step.id(), "step setup: " + run.setupProblem());
    }
    List<String> problems = new ArrayList<>();
    // each promise holds until an attempt breaks it
    EnumSet<Held> held = EnumSet.allOf(Held.class);
    if (run.evaluate().passed()) {
      held.remove(Held.UNSOLVED_FAILS);
      problems.add("passes before anything was typed");
    }
    for (String cheat : step.cheats()) {
      if (attempt(run, cheat).passed()) {
        held.remove(Held.CHEATS_FAIL);
        problems.add("cheat passes: " + oneLine(cheat));
      }
      again(run, before, i, docker, problems);
    }
    for (String accepted : step.accepts()) {
      Result r = attempt(run, accepted);
      if (!r.passed()) {
        held.remove(Held.ACCEPTS_PASS);
        problems.add("accepted answer fails: " + oneLine(accepted) + " -> " + oneLine(r.reason()));
      } else if (!run.mistakesFound().isEmpty()) {
        held.remove(Held.ACCEPTS_PASS);
        problems.add("a misconception rule names a mistake in an accepted answer: " + oneLine(accepted) + " -> "
            + run.mistakesFound());
      }
      again(run, before, i, docker, problems);
    }
    Result solved = attempt(run, step.solve());
    if (!solved.passed()) {
      held.remove(Held.SOLUTION_PASSES);
      problems.add("solution fails: " + oneLine(solved.reason()));
    } else if (!run.mistakesFound().isEmpty()) {
      held.remove(Held.SOLUTION_PASSES);
      problems.add("a misconception rule names a mistake in the solution: " + run.mistakesFound());
    }
    run.cleanupStep();
    return StepReport.tried(id, step.id(), held, String.join("; ", problems));
  }

  private Result attempt(LessonRun run, String input) throws IOException {
    Optional<String> answer = Step.answerIn(input);
    if (answer.isPresent()) {
      run.answer(answer.get());
      return run.evaluate();
    }
    CommandResult c = run.run(input, OutputSink.DISCARD, COMMAND_LIMIT);
    Result r = run.evaluate();
    if (r.passed() || c.stoppedWaiting().isEmpty()) {
      return r;
    }
    return Result.fail(r.reason() + " (" + c.stoppedWaiting() + " waited for keys from the terminal, which verify"
        + " cannot type, and was stopped)");
  }

  /**
   * The step from its beginning again: files as before its setup (only what differs is copied:
   * a venv is thousands of files), engine objects added since then removed, then the setup.
   */
  private void again(LessonRun run, Path before, int i, LessonDocker docker, List<String> problems)
      throws IOException {
    WorkspaceSync.restore(before, run.workspace());
    if (docker != null) {
      docker.undoAttempt();
    }
    run.forgetAttempt();
    run.enter(i);
    if (run.setupProblem() != null) {
      problems.add("step setup (run again before an attempt): " + run.setupProblem());
    }
  }

  private static String oneLine(String s) {
    String t = s.strip().replace("\n", " ⏎ ");
    return t.length() > 100 ? t.substring(0, 100) + "…" : t;
  }
}
