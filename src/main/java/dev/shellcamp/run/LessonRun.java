package dev.shellcamp.run;

import dev.shellcamp.check.Checks;
import dev.shellcamp.check.Context;
import dev.shellcamp.check.Result;
import dev.shellcamp.explain.Attempt;
import dev.shellcamp.explain.Explainer;
import dev.shellcamp.explain.Explanation;
import dev.shellcamp.lesson.CheckSpec;
import dev.shellcamp.lesson.Lesson;
import dev.shellcamp.lesson.Step;
import dev.shellcamp.shell.CommandResult;
import dev.shellcamp.shell.OutputSink;
import dev.shellcamp.shell.PtyShell;
import dev.shellcamp.snippet.JavaEngine;
import dev.shellcamp.ui.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One lesson in progress: its shell, the current step, and everything the step's checks look
 * at (last command, lines typed since the step began, the quiz answer, file snapshots).
 */
public final class LessonRun implements AutoCloseable {
  private static final Duration SETUP_LIMIT = Duration.ofSeconds(60);
  /** Files a check reads are kept as the step began up to this size (any size for `unchanged`). */
  private static final long SNAPSHOT_LIMIT = 256 * 1024;

  private final Lesson lesson;
  private final Path workspace;
  private final PtyShell shell;
  private int index;
  /** What checks see; replaced by a view in other messages when the learner changes language. */
  private StepContext context;
  private String setupProblem;
  private JavaEngine java;

  private LessonRun(Lesson lesson, Path workspace, PtyShell shell, Messages messages) {
    this.lesson = lesson;
    this.workspace = workspace;
    this.shell = shell;
    this.context = new StepContext(workspace, shell, messages, this::java);
  }

  /**
   * Opens the lesson in {@code workspace}. When {@code fresh}, the workspace is rebuilt from
   * files/ and the lesson's setup runs; otherwise the learner's files are kept as they are.
   */
  public static LessonRun open(Lesson lesson, Path workspace, boolean fresh, int cols, int rows, Messages m)
      throws IOException {
    return open(lesson, workspace, fresh, cols, rows, m, Map.of());
  }

  /** With {@code env} added to the lesson shell's environment (verify's SHELLCAMP_VERIFY_FILES). */
  static LessonRun open(Lesson lesson, Path workspace, boolean fresh, int cols, int rows, Messages m,
      Map<String, String> env) throws IOException {
    if (fresh || !Files.isDirectory(workspace)) {
      Workspace.fresh(workspace, lesson.dir().resolve("files"));
      fresh = true;
    }
    Map<String, String> shellEnv = new HashMap<>(env);
    shellEnv.put("SHELLCAMP_LESSON", lesson.id());
    shellEnv.put("PATH", SelfCommand.bin() + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    PtyShell shell = PtyShell.start(workspace, shellEnv, cols, rows);
    LessonRun run = new LessonRun(lesson, workspace, shell, m);
    if (fresh) {
      run.hidden(lesson.setup());
    }
    return run;
  }

  public Lesson lesson() {
    return lesson;
  }

  public Path workspace() {
    return workspace;
  }

  public PtyShell shell() {
    return shell;
  }

  public int index() {
    return index;
  }

  public Step step() {
    return lesson.steps().get(index);
  }

  public void messages(Messages m) {
    this.context = context.in(m);
  }

  /** A problem from the last hidden setup script, shown to the learner and failed by verify. */
  public String setupProblem() {
    return setupProblem;
  }

  /** Makes step {@code i} current: clears what the learner did, runs its setup, snapshots files. */
  public void enter(int i) throws IOException {
    index = Math.max(0, Math.min(i, lesson.steps().size() - 1));
    context.forgetStep();
    setupProblem = null;
    hidden(step().setup());
    if (step().checks().stream().anyMatch(c -> c.type().equals("java"))) {
      java().prewarm();  // a JVM and javac ready before the learner's first command
    }
    for (CheckSpec c : step().checks()) {
      // `unchanged` compares with it; the explainer tells from it which lines a `>` lost
      if (c.type().equals("file") && c.string("path") != null) {
        String p = c.string("path");
        Path f = resolve(p);
        // the file check fails a path outside the workspace without reading it; so does this
        boolean readable = Context.inWorkspace(workspace, p) && Files.isRegularFile(f)
            && (c.flag("unchanged") || Files.size(f) <= SNAPSHOT_LIMIT);
        context.snapshot(p, readable ? Files.readAllBytes(f) : null);
      }
    }
  }

  /**
   * Makes step {@code i} current without running its setup: a step this machine cannot run
   * (its {@code requires} are missing) is shown and skipped, and its setup would only fail.
   */
  public void park(int i) {
    index = Math.max(0, Math.min(i, lesson.steps().size() - 1));
    context.forgetStep();
    setupProblem = null;
  }

  private Path resolve(String p) {
    return Context.resolveIn(workspace, p);
  }

  /** Runs a lesson or step script hidden in the learner's shell, starting in HOME. */
  private void hidden(String script) throws IOException {
    if (script == null || script.isBlank()) {
      return;
    }
    // setup starts in HOME and gives the learner back the directory they were in
    PtyShell.QueryResult r = shell.query("__sc_back=$PWD; builtin cd ~\n" + script
        + "\n__sc_rc=$?; disown -a 2>/dev/null; builtin cd \"$__sc_back\" 2>/dev/null", SETUP_LIMIT);
    if (r.status() != 0) {
      String out = r.output().strip();
      setupProblem = context.messages().get("run.setup-failed", r.status(), out.isEmpty() ? "" : out.lines().reduce((a, b) -> b).orElse(""));
    }
  }

  private synchronized JavaEngine java() {
    if (java == null) {
      java = new JavaEngine(workspace);
    }
    return java;
  }

  public void cleanupStep() throws IOException {
    hidden(step().cleanup());
  }

  /** Types a line into the learner's shell; if it ended the shell, a new one starts. */
  public CommandResult run(String line, OutputSink out, Duration timeout) throws IOException {
    return run(line, "", out, timeout);
  }

  /** As above, with keys typed ahead waiting on the command's terminal (see PtyShell#run). */
  public CommandResult run(String line, String typedAhead, OutputSink out, Duration timeout) throws IOException {
    CommandResult r = shell.run(line, typedAhead, out, timeout);
    context.ran(r);
    if (r.shellExited()) {
      shell.restart();
    }
    return r;
  }

  /** Forgets what was typed in this step (verify, between a cheat and the next attempt). */
  public void forgetAttempt() throws IOException {
    context.forgetAttempt();
    shell.query("builtin cd ~", Duration.ofSeconds(5));
  }

  public void answer(String text) {
    context.answer(text);
  }

  public Result evaluate() {
    return Checks.all(step().checks(), context);
  }

  /**
   * The checks with their reasons rendered by {@code m}: a {@link Messages#recording} one lets
   * a class link send the reason in both languages from this one evaluation.
   */
  public Result evaluate(Messages m) {
    return Checks.all(step().checks(), context.in(m));
  }

  /**
   * The classic mistake the step's commands show, if any, in {@code m}'s language; for a step
   * whose checks failed.
   */
  public Optional<Explanation> explain(Messages m) {
    return Explainer.explain(attempt(), lesson.misconceptions(), step().id(), m);
  }

  /** The ids of the rules that fire on the step's commands now: verify wants none on an accepted answer. */
  public List<String> mistakesFound() {
    return Explainer.firing(attempt(), lesson.misconceptions(), step().id());
  }

  private Attempt attempt() {
    return new Attempt(context.commands(), workspace, shell.venv(), step().checks(), context::snapshot);
  }

  public boolean isQuiz() {
    return step().isQuiz();
  }

  /** What checks see now; public for benchmarks and tools that evaluate single checks. */
  public Context context() {
    return context;
  }

  /** Runs the lesson's cleanup, then ends the shell and every process the lesson started. */
  @Override
  public void close() {
    try {
      if (shell.alive()) {
        hidden(lesson.cleanup());
      }
    } catch (IOException e) {
      // the shell is going anyway
    }
    shell.close();
    synchronized (this) {
      if (java != null) {
        java.close();
      }
    }
  }
}
