package dev.shellcamp.run;

import dev.shellcamp.check.Result;
import dev.shellcamp.lesson.CheatKind;
import dev.shellcamp.lesson.Lesson;
import dev.shellcamp.lesson.Step;
import dev.shellcamp.run.StepReport.Held;
import dev.shellcamp.shell.Capabilities;
import dev.shellcamp.shell.CommandResult;
import dev.shellcamp.shell.OutputSink;
import dev.shellcamp.shell.ProcessReaper;
import dev.shellcamp.ui.Messages;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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
 * idempotent. A step whose {@code requires} this machine lacks is reported skipped. Besides the
 * author's cheats, verify makes its own from a scratch run of the solution ({@link CheatMaker}).
 */
public final class Verifier {
  private static final Duration COMMAND_LIMIT = Duration.ofSeconds(30);
  private static final int MAX_FILES = 12;
  private static final long MAX_FILE_BYTES = 16 * 1024;
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
    StepReport.Generated generated = generated(run, i, before, docker, held, problems);
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
    return StepReport.tried(id, step.id(), held, String.join("; ", problems), generated);
  }

  /**
   * The cheats {@link CheatMaker} makes from a scratch run of the solution, each tried from the
   * step's beginning. One that passes fails the step unless lesson.yaml accepts its kind; an
   * accepted kind that no longer passes is a stale acceptance and fails it too.
   */
  private StepReport.Generated generated(LessonRun run, int i, Path before, LessonDocker docker, EnumSet<Held> held,
      List<String> problems) throws IOException {
    Step step = run.step();
    if (Arrays.stream(CheatKind.values()).noneMatch(k -> k.appliesTo(step))) {
      return StepReport.Generated.NONE;
    }
    Reference ref = reference(run, step);
    again(run, before, i, docker, problems);
    if (ref == null) {
      return StepReport.Generated.NONE;
    }
    int ran = 0;
    int passed = 0;
    int accepted = 0;
    for (CheatMaker.Cheat cheat : CheatMaker.make(step, ref)) {
      ran++;
      boolean passes = attempt(run, cheat.input()).passed();
      boolean ok = step.accepts(cheat.kind());
      if (passes && ok) {
        accepted++;
      } else if (passes) {
        passed++;
        held.remove(Held.CHEATS_FAIL);
        problems.add("generated cheat passes (" + cheat.kind().id() + "): " + oneLine(cheat.input())
            + " -> strengthen the check, or accept it with cheats_accepted if it is a correct answer");
      } else if (ok) {
        held.remove(Held.CHEATS_FAIL);
        problems.add("accepted cheat '" + cheat.kind().id() + "' fails now: remove it from cheats_accepted");
      }
      again(run, before, i, docker, problems);
    }
    return new StepReport.Generated(ran, passed, accepted);
  }

  /** The solution run once to see what it prints and writes; null when it fails (reported later). */
  private Reference reference(LessonRun run, Step step) throws IOException {
    Path ws = run.workspace();
    FileStamps start = FileStamps.of(ws);
    Set<Long> running = ProcessReaper.sessionProcesses(run.shell().pid(), run.shell().sessionKey());
    CommandResult c = run.run(step.solve(), OutputSink.DISCARD, COMMAND_LIMIT);
    boolean passed = run.evaluate().passed();
    // a server the solution started would answer the cheats' checks for them
    endStartedSince(run, running);
    if (!passed) {
      return null;
    }
    Map<String, String> files = new LinkedHashMap<>();
    for (String path : start.changedIn(FileStamps.of(ws))) {
      String text = text(ws.resolve(path));
      if (text != null && files.size() < MAX_FILES) {
        files.put(path, text);
      }
    }
    return new Reference(c.output(), c.exitCode(), files, start.stamps().keySet());
  }

  /** Ends what the lesson's shell started since {@code before}: SIGTERM, then SIGKILL after a second. */
  private static void endStartedSince(LessonRun run, Set<Long> before) {
    List<ProcessHandle> started = ProcessReaper.sessionProcesses(run.shell().pid(), run.shell().sessionKey()).stream()
        .filter(pid -> !before.contains(pid)).map(ProcessHandle::of).flatMap(Optional::stream).toList();
    started.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + 1_000_000_000L;
    for (ProcessHandle h : started) {
      while (h.isAlive() && System.nanoTime() < deadline) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      h.destroyForcibly();
    }
  }

  /** A small UTF-8 text file's content, else null: bash cannot printf a NUL, and a big file is no hand-typed cheat. */
  private static String text(Path f) {
    try {
      if (Files.size(f) > MAX_FILE_BYTES) {
        return null;
      }
      byte[] b = Files.readAllBytes(f);
      String s = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b)).toString();
      return s.indexOf('\0') >= 0 ? null : s;
    } catch (IOException e) {
      return null;
    }
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
