package dev.shellcamp.run;

import dev.shellcamp.check.Result;
import dev.shellcamp.lesson.Lesson;
import dev.shellcamp.lesson.Step;
import dev.shellcamp.shell.OutputSink;
import dev.shellcamp.ui.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Tests a lesson like code, in a fresh workspace and a real PTY bash: every step must fail
 * before the learner acts, every cheat must fail, every accepted answer and the solution must
 * pass. Files are restored between attempts so they cannot help each other.
 */
public final class Verifier {
  private static final Duration COMMAND_LIMIT = Duration.ofSeconds(30);
  private final Messages messages;
  private LessonDocker docker;

  public Verifier(Messages messages) {
    this.messages = messages;
  }

  public List<StepReport> verify(Lesson lesson, Consumer<StepReport> each) {
    List<StepReport> reports = new ArrayList<>();
    Path root = null;
    try {
      root = Files.createTempDirectory("shellcamp-verify-");
      Path ws = root.resolve("home");
      docker = LessonDocker.prepare(lesson, true, LessonDocker.QUIET);
      try (LessonRun run = LessonRun.open(lesson, ws, true, 120, 40, messages)) {
        String lessonSetup = run.setupProblem();
        for (int i = 0; i < lesson.steps().size(); i++) {
          StepReport r = lessonSetup != null && i == 0
              ? new StepReport(lesson.id(), lesson.steps().get(0).id(), false, false, false, false, false,
                  "lesson setup: " + lessonSetup)
              : step(run, i, root);
          reports.add(r);
          each.accept(r);
        }
      }
    } catch (IOException | RuntimeException e) {
      StepReport r = new StepReport(lesson.id(), "*", false, false, false, false, false,
          "could not run: " + e.getMessage());
      reports.add(r);
      each.accept(r);
    } finally {
      if (docker != null) {
        docker.removeAll();
        docker = null;
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

  private StepReport step(LessonRun run, int i, Path root) throws IOException {
    run.enter(i);
    if (docker != null) {
      docker.markStep();
    }
    Step step = run.step();
    String id = run.lesson().id();
    if (run.setupProblem() != null) {
      return new StepReport(id, step.id(), false, false, false, false, false, "step setup: " + run.setupProblem());
    }
    List<String> problems = new ArrayList<>();
    boolean unsolvedFails = !run.evaluate().passed();
    if (!unsolvedFails) {
      problems.add("passes before anything was typed");
    }
    Path saved = root.resolve("saved");
    WorkspaceSync.restore(run.workspace(), saved);
    boolean cheatsFail = true;
    for (String cheat : step.cheats()) {
      if (attempt(run, cheat).passed()) {
        cheatsFail = false;
        problems.add("cheat passes: " + oneLine(cheat));
      }
      restore(run, saved);
    }
    boolean acceptsPass = true;
    for (String accepted : step.accepts()) {
      Result r = attempt(run, accepted);
      if (!r.passed()) {
        acceptsPass = false;
        problems.add("accepted answer fails: " + oneLine(accepted) + " -> " + oneLine(r.reason()));
      }
      restore(run, saved);
    }
    Result solved = attempt(run, step.solve());
    if (!solved.passed()) {
      problems.add("solution fails: " + oneLine(solved.reason()));
    }
    run.cleanupStep();
    return new StepReport(id, step.id(), unsolvedFails, cheatsFail, acceptsPass, solved.passed(), false,
        String.join("; ", problems));
  }

  private Result attempt(LessonRun run, String input) throws IOException {
    String trimmed = input.strip();
    if (trimmed.startsWith(":answer ")) {
      run.answer(trimmed.substring(8));
    } else {
      run.run(input, OutputSink.DISCARD, COMMAND_LIMIT);
    }
    return run.evaluate();
  }

  /**
   * Files come back from the copy. Engine objects an attempt added are removed and the step's
   * setup runs again, so Docker steps write idempotent setups for what an attempt may remove.
   */
  private void restore(LessonRun run, Path saved) throws IOException {
    WorkspaceSync.restore(saved, run.workspace());
    if (docker != null) {
      docker.undoAttempt();
      run.enter(run.index());
      docker.markStep();
    } else {
      run.forgetAttempt();
    }
  }

  private static String oneLine(String s) {
    String t = s.strip().replace("\n", " ⏎ ");
    return t.length() > 100 ? t.substring(0, 100) + "…" : t;
  }
}
