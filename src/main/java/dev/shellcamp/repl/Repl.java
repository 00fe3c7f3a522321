package dev.shellcamp.repl;

import dev.shellcamp.classlink.ClassConnection;
import dev.shellcamp.classlink.EventType;
import dev.shellcamp.guard.Danger;
import dev.shellcamp.lesson.Catalog;
import dev.shellcamp.lesson.Lesson;
import dev.shellcamp.monitor.MonitorScreen;
import dev.shellcamp.progress.LessonProgress;
import dev.shellcamp.progress.Overview;
import dev.shellcamp.progress.Progress;
import dev.shellcamp.progress.ProgressStore;
import dev.shellcamp.run.LessonDocker;
import dev.shellcamp.run.Workspace;
import dev.shellcamp.shell.Capabilities;
import dev.shellcamp.trace.Laps;
import dev.shellcamp.trace.Phases;
import dev.shellcamp.ui.Messages;
import dev.shellcamp.ui.PlainMode;
import dev.shellcamp.ui.Theme;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The tutor's loop: a menu of lessons, then lines for bash or ':' commands. Ctrl-C at the prompt
 * never quits; Ctrl-D and :quit leave with progress saved.
 */
public final class Repl {
  private final Screen screen;
  private final Catalog catalog;
  private final Overview overview;
  private final Capabilities caps;
  private final Book book;
  private final StatusBar status;
  private final CommandTable table;
  private final TutorReader reader;
  private final ClassConnection classes;
  private final ClassCommand classCommand;
  private LessonSession session;
  /** Keys typed or pasted ahead of the prompt, for the tutor's next prompts. */
  private String pending = "";
  /** The part of {@link #pending} behind the line now read: it waits on the next command's terminal. */
  private String rest = "";
  private boolean promptMarked;
  private boolean linesWarmed;

  /** {@code progress} is what {@code store} just loaded (its warnings, if any, are shown here). */
  public Repl(Terminal terminal, Catalog catalog, ProgressStore store, Progress progress, Capabilities caps, String lang,
      PlainMode mode, ClassConnection classes) {
    boolean interactive = !Terminal.TYPE_DUMB.equals(terminal.getType())
        && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
    String chosen = lang != null ? lang : progress.lang() != null ? progress.lang() : Messages.detectLang(null);
    this.screen = new Screen(terminal, Theme.detect(!interactive, mode.on()), Messages.of(chosen), interactive,
        mode.bell());
    this.catalog = catalog;
    this.overview = new Overview(catalog, caps);
    this.caps = caps;
    this.book = new Book(store, progress, screen);
    if (store.warning() != null) {
      String[] w = store.warning().split("\t", 2);
      screen.fail(screen.msg(store.warningKey(), w[0], w.length > 1 ? w[1] : ""));
    }
    this.status = new StatusBar(terminal, interactive && !mode.on());
    this.classes = classes;
    this.classCommand = new ClassCommand(screen, classes);
    this.table = commands();
    TutorReader r = mode.on() ? new PlainReader(terminal, "shellcamp") : new TutorReader(terminal, "shellcamp", null);
    r.setParser(new BashParser());
    r.setCompleter(new ReplCompleter(table, this::cwd));
    Path history = ProgressStore.dataHome().resolve("history");
    r.setVariable(LineReader.HISTORY_FILE, history);
    r.setHistory(new ReplHistory(why -> screen.fail(screen.msg("history.unsaved", history, why))));
    r.setVariable(LineReader.SECONDARY_PROMPT_PATTERN, "%P  > ");
    r.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
    r.option(LineReader.Option.AUTO_FRESH_LINE, true);
    this.reader = r;
    Phases.mark("repl built");
  }

  private Path cwd() {
    return session == null ? Path.of(".").toAbsolutePath() : session.cwd();
  }

  private CommandTable commands() {
    CommandTable t = new CommandTable(() -> screen.messages);
    t.add("help", false, null, a -> help())
        .add("lessons", false, null, a -> menu())
        .add("start", false, overview::ids, this::start)
        .add("check", true, null, a -> lesson(LessonSession::check))
        .add("hint", true, null, a -> lesson(LessonSession::hint))
        .add("solution", true, null, a -> lesson(LessonSession::solution))
        .add("skip", true, null, a -> lessonIo(LessonSession::skip))
        .add("next", true, null, a -> lessonIo(LessonSession::next))
        .add("back", true, null, a -> lessonIo(LessonSession::back))
        .add("reset", true, () -> List.of("step", "lesson"), this::reset)
        .add("progress", false, null, a -> progress())
        .add("monitor", false, null, a -> monitor())
        .add("answer", true, null, a -> answer(a))
        .add("lang", false, () -> List.of("en", "ko"), this::lang)
        .add("class", false, () -> List.of("leave"), a -> classCommand.run(a))
        .add("quit", false, null, a -> false);
    return t;
  }

  /** Runs until :quit or Ctrl-D; returns the process exit code. */
  public int run(String startId) {
    // SIGTERM or a closed terminal: still end the lesson's processes (nohup/setsid ones survive
    // a hang-up) and give the screen's last row back
    Thread onExit = new Thread(() -> {
      closeSession();
      status.close();
    }, "shellcamp-exit");
    Runtime.getRuntime().addShutdownHook(onExit);
    try {
      classCommand.banner();
      if (startId != null) {
        handle(":start " + startId);
      }
      if (session == null) {
        menu();
      }
      loop();
      return 0;
    } finally {
      reader.settleHistory();
      closeSession();
      status.close();
      try {
        Runtime.getRuntime().removeShutdownHook(onExit);
      } catch (IllegalStateException e) {
        // already shutting down: the hook runs anyway
      }
    }
  }

  private void loop() {
    while (true) {
      String line;
      try {
        line = read();
      } catch (UserInterruptException e) {
        pending = rest;
        screen.note(screen.msg("repl.ctrl-c"));
        continue;
      } catch (EndOfFileException e) {
        classes.emit(EventType.LEFT, null);
        screen.println("");
        screen.note(book.goodbye());
        return;
      }
      classes.lineEntered();
      String pastedAfter = reader.takePaste();
      if (pastedAfter != null) {
        rest = pastedAfter + rest;
      }
      if (!screen.interactive) {
        screen.println(line);
      }
      if (!handle(line)) {
        classes.emit(EventType.LEFT, null);
        screen.note(book.goodbye());
        return;
      }
      pending = rest + pending;
      rest = "";
    }
  }

  /**
   * The next line: keys typed ahead first, one whole command at a time, shown at the prompt as if
   * typed there; then the keyboard.
   */
  private String read() {
    classCommand.showNews();
    rest = "";
    if (!pending.isEmpty()) {
      String first = TypeAhead.first(pending, reader.getParser());
      rest = pending.substring(first.length());
      pending = "";
      reader.runMacro(first);
    }
    if (!promptMarked) {
      // once: a line printed to stderr per command would be timed in every command's laps
      promptMarked = true;
      Phases.mark("reading a line");
    }
    if (!linesWarmed && session != null && screen.interactive) {
      // the first lesson prompt: the learner reads the step before typing
      linesWarmed = true;
      WarmLines.inBackground(prompt(), session.workspace(), screen.messages);
    }
    return reader.readLine(prompt());
  }

  /** One line of input; false ends the REPL. */
  boolean handle(String line) {
    try {
      if (line.isBlank()) {
        if (session == null && book.get().lastLesson() != null) {
          start(book.get().lastLesson());
        }
        return true;
      }
      if (CommandTable.isCommand(line)) {
        String s = line.strip();
        int sp = s.indexOf(' ');
        String name = s.substring(1, sp < 0 ? s.length() : sp);
        String args = sp < 0 ? "" : s.substring(sp + 1).strip();
        CommandTable.Entry e = table.find(name);
        if (e == null) {
          screen.fail(screen.msg("repl.unknown-command", name));
          return true;
        }
        if (e.inLessonOnly() && session == null) {
          screen.note(screen.msg("repl.no-lesson"));
          return true;
        }
        return e.handler().run(args);
      }
      if (session == null) {
        return choose(line.strip());
      }
      Laps.at("to-guard");
      Optional<Danger> danger = DangerGuard.judge(line, session.cwd(), session.workspace(), session::variable);
      Laps.at("guard");
      if (danger.isPresent() && !confirm(danger.get())) {
        screen.note(screen.msg("danger.declined"));
        return true;
      }
      String feed = TypeAhead.feedable(rest) ? rest : "";
      if (!feed.isEmpty()) {
        rest = "";
      }
      pending = pending + session.shellLine(line, feed);
      Laps.at("line-done");
      return true;
    } catch (Exception | LinkageError | StackOverflowError e) {
      // one failing line must not end the learner's session (or leave the terminal raw)
      screen.fail(screen.msg("repl.error", e.getMessage() == null ? e.toString() : e.getMessage()));
      return true;
    }
  }

  private boolean confirm(Danger danger) {
    screen.println(screen.theme.warn("⚠ " + DangerGuard.explain(danger, screen.messages)));
    try {
      String a = reader.readLine(screen.msg("danger.ask"));
      return a.strip().equalsIgnoreCase("y") || a.strip().equalsIgnoreCase("yes");
    } catch (UserInterruptException | EndOfFileException e) {
      return false;
    }
  }

  private String prompt() {
    if (session != null) {
      return session.prompt();
    }
    return screen.plain ? "shellcamp> " : screen.theme.bold("shellcamp ❯ ");
  }

  private boolean choose(String choice) throws IOException {
    List<String> ids = overview.ids();
    if (choice.matches("\\d+")) {
      int n = Integer.parseInt(choice);
      if (n >= 1 && n <= ids.size()) {
        return start(ids.get(n - 1));
      }
    } else if (ids.contains(choice)) {
      return start(choice);
    }
    screen.fail(screen.msg("menu.unknown", choice, ids.size()));
    return true;
  }

  private boolean start(String id) throws IOException {
    if (id.isBlank()) {
      screen.note(screen.msg("start.usage"));
      return true;
    }
    Optional<Lesson> lesson = catalog.lesson(id);
    if (lesson.isEmpty()) {
      String why = overview.ids().contains(id) ? screen.msg("start.broken", id) : screen.msg("start.unknown", id);
      screen.fail(why);
      return true;
    }
    Optional<Capabilities.Probe> missing = overview.missing(id);
    if (missing.isPresent()) {
      Capabilities.Probe p = missing.get();
      screen.fail(screen.msg("start.unavailable", id, p.name(), p.detail(), screen.msg(p.fixKey())));
      return true;
    }
    closeSession();
    try {
      session = LessonSession.open(screen, book, status, lesson.get(), caps, classes);
    } catch (LessonDocker.Unavailable e) {
      screen.fail(screen.msg("docker.prepare-failed", e.getMessage()));
    }
    return true;
  }

  private synchronized void closeSession() {
    if (session != null) {
      session.close();
      session = null;
    }
  }

  private boolean menu() {
    closeSession();
    status.show(" shellcamp   " + screen.msg("status.menu"));
    screen.println("");
    screen.println(screen.theme.bold("shellcamp") + screen.theme.dim(" — " + screen.msg("menu.tagline")));
    screen.println(overview.render(book.get(), screen.messages, screen.theme, book.get().lastLesson()));
    String last = book.get().lastLesson();
    if (last != null && catalog.summary(last).isPresent()) {
      LessonProgress lp = book.get().lesson(last);
      int step = lp == null ? 1 : lp.step() + 1;
      screen.note(screen.msg("menu.resume", last, step));
      Warm.lessonInBackground(catalog, last);
    }
    screen.note(screen.msg("menu.how"));
    Phases.mark("menu printed");
    return true;
  }

  private boolean help() {
    screen.println(screen.theme.bold(screen.msg("help.title")));
    screen.println(table.help());
    screen.note(screen.msg("help.footer"));
    return true;
  }

  private boolean progress() {
    screen.println(overview.render(book.get(), screen.messages, screen.theme, session == null ? null : session.lesson().id()));
    return true;
  }

  /**
   * The full-screen monitor on the alternate screen; afterwards the status row's scroll region
   * and the row itself are drawn again, since the monitor used the whole window.
   */
  private boolean monitor() {
    if (!screen.interactive) {
      screen.fail(screen.msg("monitor.needs-terminal"));
      return true;
    }
    MonitorScreen.show(screen.terminal, screen.theme, screen.messages, Duration.ofSeconds(1));
    status.redraw();
    return true;
  }

  private boolean reset(String arg) throws IOException {
    if (arg.isEmpty() || arg.equals("step")) {
      session.resetStep();
      return true;
    }
    if (!arg.equals("lesson")) {
      screen.fail(screen.msg("reset.usage"));
      return true;
    }
    String id = session.lesson().id();
    boolean docker = session.lesson().uses("docker");
    closeSession();
    Workspace.wipe(Workspace.of(ProgressStore.dataHome(), id));
    if (docker) {
      LessonDocker.reset(id);
    }
    book.update(p -> p.without(id));
    screen.note(screen.msg("reset.lesson", id));
    return start(id);
  }

  private boolean answer(String text) throws IOException {
    if (text.isBlank()) {
      screen.note(screen.msg("answer.usage"));
      return true;
    }
    session.answer(text);
    return true;
  }

  private boolean lang(String arg) {
    if (!arg.equals("en") && !arg.equals("ko")) {
      screen.fail(screen.msg("lang.usage"));
      return true;
    }
    screen.messages = Messages.of(arg);
    book.update(p -> p.withLang(arg));
    screen.ok(screen.msg("lang.set"));
    if (session != null) {
      session.relanguage();
    }
    return true;
  }

  @FunctionalInterface
  private interface LessonIo {
    void apply(LessonSession s) throws IOException;
  }

  private boolean lesson(java.util.function.Consumer<LessonSession> action) {
    action.accept(session);
    return true;
  }

  private boolean lessonIo(LessonIo action) throws IOException {
    action.apply(session);
    return true;
  }
}
