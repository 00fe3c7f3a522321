package dev.shellcamp.repl;

import dev.shellcamp.check.Context;
import dev.shellcamp.check.Result;
import dev.shellcamp.classlink.ClassEvents;
import dev.shellcamp.classlink.EventType;
import dev.shellcamp.classlink.Where;
import dev.shellcamp.explain.Explanation;
import dev.shellcamp.lesson.Lesson;
import dev.shellcamp.lesson.LessonText;
import dev.shellcamp.lesson.Step;
import dev.shellcamp.progress.LessonProgress;
import dev.shellcamp.progress.Overview;
import dev.shellcamp.progress.ProgressStore;
import dev.shellcamp.run.LessonDocker;
import dev.shellcamp.run.LessonRun;
import dev.shellcamp.run.Workspace;
import dev.shellcamp.shell.Capabilities;
import dev.shellcamp.shell.CommandResult;
import dev.shellcamp.trace.Laps;
import dev.shellcamp.trace.Phases;
import dev.shellcamp.ui.Twins;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The REPL's side of one lesson: showing steps, running lines, reacting to checks, saving progress. */
final class LessonSession implements AutoCloseable {
  private static final Duration NO_LIMIT = Duration.ofDays(1);
  private static final Duration PIPED_LIMIT = Duration.ofMinutes(2);

  private final Screen screen;
  private final Book book;
  private final StatusBar status;
  private final Lesson lesson;
  private final Capabilities caps;
  private final ClassEvents events;
  private LessonRun run;
  /** Why the current step cannot run here (a capability it requires is missing), or null. */
  private String unavailable;
  private int hintsShown;
  private boolean finished;
  /** The failing reason last sent to the class for this step: the same one again is not a new attempt. */
  private String lastSentReason;
  /** The mistakes explained after a command in this step, each said once. */
  private final Set<String> explained = new HashSet<>();

  private LessonSession(Screen screen, Book book, StatusBar status, Lesson lesson, Capabilities caps,
      ClassEvents events) {
    this.caps = caps;
    this.events = events;
    this.screen = screen;
    this.book = book;
    this.status = status;
    this.lesson = lesson;
  }

  static LessonSession open(Screen screen, Book book, StatusBar status, Lesson lesson, Capabilities caps,
      ClassEvents events) throws IOException {
    Phases.mark("lesson opening");
    LessonSession s = new LessonSession(screen, book, status, lesson, caps, events);
    LessonProgress lp = book.get().lesson(lesson.id());
    Path ws = Workspace.of(ProgressStore.dataHome(), lesson.id());
    boolean fresh = lp == null || !ws.toFile().isDirectory();
    if (fresh) {
      lp = LessonProgress.start(lesson.id(), ProgressStore.now());
    }
    LessonDocker.prepare(lesson, fresh, new DockerProgress(screen));
    LessonProgress start = lp;
    book.update(p -> p.with(start));
    s.run = LessonRun.open(lesson, ws, fresh, screen.terminal.getWidth(), screen.terminal.getHeight(), screen.messages);
    Phases.mark("lesson run open (bash ready, setup done)");
    s.run.shell().unattended(!screen.interactive);
    if (s.run.shell().orphansEnded() > 0) {
      screen.note(screen.msg("lesson.orphans", s.run.shell().orphansEnded()));
    }
    s.finished = lp.completed() != null && lp.step() >= lesson.steps().size() - 1
        && Overview.doneSteps(lesson, start) == lesson.steps().size();
    LessonText text = lesson.text(screen.messages.lang());
    screen.println("");
    screen.markdown("# " + text.title() + "\n\n" + (fresh || lp.step() == 0 ? text.intro() : ""));
    if (!fresh) {
      screen.note(screen.msg("lesson.resumed", lp.step() + 1, lesson.steps().size(), s.tilde(ws)));
    }
    s.events.emit(EventType.LESSON_STARTED, s.where(lp.step()));
    s.enter(lp.step(), true, true);
    Phases.mark("step shown");
    return s;
  }

  Lesson lesson() {
    return lesson;
  }

  Path cwd() {
    return Path.of(run.shell().cwd());
  }

  Path workspace() {
    return run.workspace();
  }

  /** A variable's value in the learner's shell, for the danger guard (which asks only about destructive lines). */
  Optional<String> variable(String name) {
    Context.Variable v = run.context().variable(name);
    return v.set() ? Optional.of(v.value()) : Optional.empty();
  }

  String prompt() {
    String where = finished ? screen.msg("prompt.done") : (run.index() + 1) + "/" + lesson.steps().size();
    String venv = run.shell().venv();
    String head = (venv.isEmpty() ? "" : "(" + venv + ") ") + screen.theme.accent(lesson.id()) + " ";
    return screen.plain ? head + where + "> " : head + screen.theme.dim(where) + " " + screen.theme.bold("❯") + " ";
  }

  private void refreshStatus() {
    LessonProgress lp = book.get().lesson(lesson.id());
    int done = Overview.doneSteps(lesson, lp);
    status.show(" " + lesson.id() + "  " + (run.index() + 1) + "/" + lesson.steps().size() + "  "
        + Overview.dots(done, lesson.steps().size()) + "   " + screen.msg("status.keys"));
  }

  /** Where the learner is, for the class board. */
  private Where where(int index) {
    int i = Math.max(0, Math.min(index, lesson.steps().size() - 1));
    return new Where(lesson.id(), lesson.steps().get(i).id(), i, lesson.steps().size());
  }

  private Where where() {
    return where(run.index());
  }

  /**
   * The step's checks. In a class their messages are recorded as they are rendered, so a
   * failing reason can be sent in both languages from this one evaluation.
   */
  private Result evaluate(Twins twins) {
    return twins == null ? run.evaluate() : run.evaluate(screen.messages.recording(twins));
  }

  private String startingReason() {
    Result r = run.evaluate();
    return r.passed() ? null : r.reason();
  }

  private static Twins twinsIf(boolean joined) {
    return joined ? new Twins() : null;
  }

  /** A failed attempt for the class board, with the reason in English and Korean. */
  private void sendFailure(Result r, Twins twins) {
    lastSentReason = r.reason();
    events.checkFailed(where(), twins.both(r.reason(), screen.messages.lang()));
  }

  private String tilde(Path p) {
    return p.toString().replace(System.getProperty("user.home"), "~");
  }

  /**
   * Makes step {@code index} current. A step needing a capability this machine lacks is shown
   * with the reason, recorded as skipped and, when moving forward, passed over.
   */
  private void enter(int index, boolean show, boolean forward) throws IOException {
    Step target = lesson.steps().get(Math.max(0, Math.min(index, lesson.steps().size() - 1)));
    Optional<Capabilities.Probe> missing = caps.missing(target.requires());
    if (missing.isPresent()) {
      Capabilities.Probe p = missing.get();
      run.park(index);
      hintsShown = 0;
      lastSentReason = null;
      events.emit(EventType.STEP_ENTERED, where());
      unavailable = screen.msg("step.unavailable", p.name(), p.detail(), screen.msg(p.fixKey()));
      book.update(b -> b.with(b.lesson(lesson.id()).atStep(run.index()).markSkipped(target.id())));
      if (show) {
        showStep();
      }
      refreshStatus();
      if (forward && !finished) {
        advance();
      }
      return;
    }
    unavailable = null;
    run.enter(index);
    hintsShown = 0;
    explained.clear();
    // in a class, the reason the step starts with is not an attempt: only a change from it is
    lastSentReason = events.joined() && !run.isQuiz() ? startingReason() : null;
    events.emit(EventType.STEP_ENTERED, where());
    int i = run.index();
    book.update(p -> p.with(p.lesson(lesson.id()).atStep(i)));
    if (run.setupProblem() != null) {
      screen.fail(run.setupProblem());
    }
    if (show) {
      showStep();
    }
    refreshStatus();
  }

  void showStep() {
    Step step = run.step();
    LessonText.StepText t = lesson.text(screen.messages.lang()).steps().get(step.id());
    String head = screen.msg("step.header", run.index() + 1, lesson.steps().size());
    screen.println("");
    screen.println(screen.plain ? head + ": " + step.id() : screen.theme.heading("── " + head + " ") + screen.theme.dim(step.id()));
    screen.markdown(t == null ? "" : t.body());
    if (unavailable != null) {
      screen.note(unavailable);
    } else if (run.isQuiz()) {
      screen.note(screen.msg("step.quiz-how"));
    }
  }

  /**
   * A line for bash: run it on the PTY with the keyboard passed through, then check the step.
   * {@code typedAhead} waits on the command's terminal; returns the keys typed ahead that it left
   * unread, in order, for the tutor's next prompt.
   */
  String shellLine(String line, String typedAhead) throws IOException {
    CommandResult r;
    PassThrough pass = new PassThrough(screen.terminal, run.shell(), screen.interactive, status);
    Laps.at("pass-open");
    try (pass) {
      r = run.run(line, typedAhead, pass.sink(), screen.interactive ? NO_LIMIT : PIPED_LIMIT);
      Laps.at("ran");
    } finally {
      Laps.at("pass-close");
      if (pass.drew()) {
        status.redraw();
      }
    }
    Laps.at("redraw");
    if (r.reattached() && screen.interactive && !screen.plain) {
      // the prompt of the shell that `exec bash` started, drawn before it was found
      screen.terminal.writer().print("\r\u001b[K");
    } else if (!r.output().isEmpty() && !r.output().endsWith("\n")) {
      screen.println(screen.plain ? "" : screen.theme.dim("⏎"));
    }
    if (r.reattached()) {
      screen.note(screen.msg("shell.reattached"));
    }
    if (!r.stoppedWaiting().isEmpty()) {
      screen.note(screen.msg("shell.waits-terminal", r.stoppedWaiting()));
    }
    if (r.shellExited()) {
      screen.note(screen.msg("shell.exited", r.exitCode()));
    } else if (r.incomplete()) {
      screen.note(screen.msg("shell.incomplete"));
    } else if (r.timedOut()) {
      screen.note(screen.msg("shell.timeout"));
    }
    Laps.at("notes");
    if (!finished && unavailable == null) {
      Twins twins = twinsIf(events.joined());
      Result res = evaluate(twins);
      Laps.at("checks");
      if (res.passed()) {
        passed();
      } else {
        if (twins != null && !run.isQuiz() && !res.reason().equals(lastSentReason)) {
          // a change that did not pass is an attempt; the same reason again (ls, ls) is not, and
          // neither is a command on a quiz step, whose attempts are its :answer lines
          sendFailure(res, twins);
        }
        explainOnce();
        Laps.at("explain");
      }
    }
    return r.unread() + pass.held();
  }

  private void passed() throws IOException {
    Step step = run.step();
    screen.println("");
    screen.ring();
    screen.success(screen.msg(screen.plain ? "plain.passed" : "step.passed", step.id()));
    events.emit(EventType.STEP_PASSED, where());
    run.cleanupStep();
    book.update(p -> p.with(p.lesson(lesson.id()).markDone(step.id())));
    advance();
  }

  private void advance() throws IOException {
    if (run.index() + 1 < lesson.steps().size()) {
      enter(run.index() + 1, true, true);
      return;
    }
    finished = true;
    events.emit(EventType.LESSON_COMPLETED, where());
    book.update(p -> p.with(p.lesson(lesson.id()).complete(ProgressStore.now())));
    refreshStatus();
    screen.println("");
    screen.success(screen.msg("lesson.complete", lesson.title(screen.messages.lang())));
    screen.note(screen.msg("lesson.next-hint"));
  }

  void check() {
    if (finished) {
      screen.ok(screen.msg("lesson.already-complete"));
      return;
    }
    if (unavailable != null) {
      screen.note(unavailable);
      return;
    }
    Twins twins = twinsIf(events.joined());
    Result r = evaluate(twins);
    if (r.passed()) {
      try {
        passed();
      } catch (IOException e) {
        screen.fail(e.getMessage());
      }
    } else {
      if (twins != null) {
        sendFailure(r, twins);
      }
      screen.notYet(r.reason());
      if (!run.isQuiz()) {
        run.explain(screen.messages).ifPresent(screen::mistake);
      }
    }
  }

  /**
   * After a line that left the step failing, the mistake it shows, if any: each mistake once a
   * step, so the commands after it (ls, cat) do not repeat the block; :check says it again.
   */
  private void explainOnce() {
    if (run.isQuiz()) {
      return;
    }
    Optional<Explanation> e = run.explain(screen.messages);
    if (e.isPresent() && explained.add(e.get().id())) {
      screen.mistake(e.get());
    }
  }

  void hint() {
    LessonText.StepText t = lesson.text(screen.messages.lang()).steps().get(run.step().id());
    List<String> hints = t == null || t.hints().isEmpty() ? run.step().hints() : t.hints();
    if (hints.isEmpty()) {
      screen.note(screen.msg("hint.none"));
      return;
    }
    if (hintsShown >= hints.size()) {
      screen.note(screen.msg("hint.last", hints.size()));
      if (screen.plain) {
        showHint(hints.size(), hints.size(), hints.get(hints.size() - 1));
      } else {
        screen.markdown("💡 " + hints.get(hints.size() - 1));
      }
      return;
    }
    String h = hints.get(hintsShown++);
    book.update(p -> p.with(p.lesson(lesson.id()).hintUsed()));
    events.emit(EventType.HINT, where());
    showHint(hintsShown, hints.size(), h);
  }

  private void showHint(int n, int total, String hint) {
    if (!screen.plain) {
      screen.println(screen.theme.warn(screen.msg("hint.title", n, total)));
      screen.markdown(hint);
    } else if (hint.strip().contains("\n")) {
      screen.println(screen.msg("plain.hint", n, total));
      screen.markdown(hint);
    } else {
      // a one-line hint goes after its label, so it is read as one sentence
      screen.markdown(screen.msg("plain.hint", n, total) + " " + hint.strip());
    }
  }

  void solution() {
    Step step = run.step();
    book.update(p -> p.with(p.lesson(lesson.id()).markShown(step.id())));
    events.emit(EventType.SOLUTION, where());
    screen.println(screen.theme.warn(screen.msg("solution.title")));
    screen.markdown("```\n" + step.solve().strip() + "\n```");
  }

  void skip() throws IOException {
    if (unavailable != null) {
      advance();
      return;
    }
    Step step = run.step();
    events.emit(EventType.SKIP, where());
    screen.note(screen.msg("skip.running"));
    String solve = step.solve().strip();
    Optional<String> answer = Step.answerIn(solve);
    if (answer.isPresent()) {
      run.answer(answer.get());
    } else {
      screen.println(screen.theme.code(solve));
      PassThrough pass = new PassThrough(screen.terminal, run.shell(), screen.interactive, status);
      try (pass) {
        run.run(solve, pass.sink(), PIPED_LIMIT);
      } finally {
        status.redraw();
      }
      // keys typed meanwhile were for the solution's commands: dropped, once the pump reads no more
      pass.held();
    }
    Result r = run.evaluate();
    if (!r.passed()) {
      screen.fail(screen.msg("skip.failed", r.reason()));
    }
    book.update(p -> p.with(p.lesson(lesson.id()).markSkipped(step.id())));
    run.cleanupStep();
    advance();
  }

  void next() throws IOException {
    if (run.index() + 1 >= lesson.steps().size()) {
      screen.note(screen.msg("nav.last"));
      return;
    }
    enter(run.index() + 1, true, true);
  }

  void back() throws IOException {
    if (run.index() == 0) {
      screen.note(screen.msg("nav.first"));
      return;
    }
    finished = false;
    enter(run.index() - 1, true, false);
  }

  void resetStep() throws IOException {
    finished = false;
    screen.note(screen.msg("reset.step"));
    enter(run.index(), true, false);
  }

  void answer(String text) throws IOException {
    if (unavailable != null) {
      screen.note(unavailable);
      return;
    }
    if (!run.isQuiz()) {
      screen.note(screen.msg("answer.not-quiz"));
      return;
    }
    run.answer(text);
    Twins twins = twinsIf(events.joined());
    Result r = evaluate(twins);
    if (r.passed()) {
      passed();
    } else {
      if (twins != null) {
        sendFailure(r, twins);
      }
      screen.fail(r.reason());
    }
  }

  void relanguage() {
    run.messages(screen.messages);
    showStep();
    refreshStatus();
  }

  @Override
  public void close() {
    run.close();
  }
}
