package dev.shellcamp.monitor;

import dev.shellcamp.ui.Messages;
import dev.shellcamp.ui.Theme;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * The full-screen monitor on a terminal. This thread reads keys and draws; a sampler thread
 * makes snapshots. The alternate screen keeps whatever was on the terminal (the REPL's
 * scrollback, its prompt) untouched, and every mode change is undone in finally, as JLine's
 * TTop does, so `q`, an exception or Ctrl-C all leave the terminal as they found it.
 */
public final class MonitorScreen {
  private final Terminal terminal;
  private final Renderer renderer;
  private final Messages m;
  private final Duration interval;
  private final SamplerThread sampler;
  private volatile boolean resized;
  private View view = View.START;
  private Snapshot shown;

  private MonitorScreen(Terminal terminal, Theme theme, Messages m, Duration interval) {
    this.terminal = terminal;
    this.renderer = new Renderer(theme, m);
    this.m = m;
    this.interval = interval;
    this.sampler = new SamplerThread(interval);
  }

  /** Runs until the learner presses q (or Ctrl-C); the terminal is back as it was when this returns. */
  public static void show(Terminal terminal, Theme theme, Messages messages, Duration interval) {
    new MonitorScreen(terminal, theme, messages, interval).run();
  }

  private void run() {
    Attributes saved = terminal.enterRawMode();
    Terminal.SignalHandler previousWinch = null;
    Thread onKill = new Thread(this::leaveScreen, "shellcamp-monitor-exit");
    try {
      // Ctrl-C is a key here (quit), not a signal that would take the JVM or the REPL's line with it
      Attributes raw = new Attributes(terminal.getAttributes());
      raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
      terminal.setAttributes(raw);
      previousWinch = terminal.handle(Terminal.Signal.WINCH, s -> resized = true);
      Runtime.getRuntime().addShutdownHook(onKill);
      terminal.puts(Capability.enter_ca_mode);
      terminal.puts(Capability.cursor_invisible);
      Display display = new Display(terminal, true);
      Size size = size();
      fullScrollRegion(size);
      display.resize(size.getRows(), size.getColumns());
      display.clear();
      shown = Snapshot.pending();
      draw(display, size);  // before OSHI's slow start: the learner sees the screen at once
      sampler.start();
      loop(display, size);
    } finally {
      sampler.close();
      leaveScreen();
      terminal.setAttributes(saved);
      if (previousWinch != null) {
        terminal.handle(Terminal.Signal.WINCH, previousWinch);
      }
      try {
        Runtime.getRuntime().removeShutdownHook(onKill);
      } catch (IllegalStateException e) {
        // already shutting down: the hook runs anyway
      }
    }
  }

  private void loop(Display display, Size size) {
    NonBlockingReader in = terminal.reader();
    while (true) {
      int c;
      try {
        // Wait for a key until the next snapshot is due rather than waking every 100 ms: each
        // return through JLine's reader costs ≈ 0.08 ms while the code is interpreted. At most
        // 250 ms, so a resize (a flag set by SIGWINCH) is still drawn at once to the eye.
        c = in.read(Math.max(10, Math.min(250, sampler.millisToNext() + 2)));
      } catch (IOException e) {
        return;
      }
      if (c == NonBlockingReader.EOF) {
        return;
      }
      boolean dirty = false;
      if (c >= 0) {
        Keys.Key key = Keys.decode(c, in);
        if (!key(key)) {
          return;
        }
        dirty = true;
      }
      if (sampler.failure() != null && view.note().isEmpty() && view.mode() == View.Mode.BROWSE) {
        view = view.note(m.get("monitor.failed", sampler.failure()));
        dirty = true;
      }
      Snapshot latest = sampler.latest();
      if (latest != null && latest != shown) {
        shown = latest;
        dirty = true;
      }
      if (resized) {
        resized = false;
        size = size();
        fullScrollRegion(size);
        display.resize(size.getRows(), size.getColumns());
        display.clear();
        terminal.puts(Capability.clear_screen);
        dirty = true;
      }
      if (dirty) {
        draw(display, size);
      }
    }
  }

  /** One key in the current mode; false to leave. */
  private boolean key(Keys.Key k) {
    switch (view.mode()) {
      case FILTER -> {
        switch (k.kind()) {
          case ENTER -> view = view.filter(view.input());
          case ESCAPE -> view = view.filter("");
          case BACKSPACE -> view = view.mode(View.Mode.FILTER,
              view.input().isEmpty() ? "" : view.input().substring(0, view.input().offsetByCodePoints(view.input().length(), -1)));
          case CHAR -> view = view.mode(View.Mode.FILTER, view.input() + k.text());
          default -> { }
        }
        return true;
      }
      case CONFIRM_KILL -> {
        view = k.kind() == Keys.Kind.CHAR && k.text().equalsIgnoreCase("y") ? view.note(Kill.terminate(view.selectedPid(), m))
            : view.note(m.get("monitor.kill-cancelled"));
        return true;
      }
      default -> {
        return browse(k);
      }
    }
  }

  private boolean browse(Keys.Key k) {
    switch (k.kind()) {
      case INTERRUPT, ESCAPE -> {
        return false;
      }
      case UP, DOWN -> move(k.kind() == Keys.Kind.UP ? -1 : 1);
      case CHAR -> {
        switch (k.text()) {
          case "q", "Q" -> {
            return false;
          }
          case "c" -> view = view.sort(View.Sort.CPU);
          case "m" -> view = view.sort(View.Sort.MEMORY);
          case "p" -> view = view.sort(View.Sort.PID);
          case "t" -> view = view.tree(!view.tree());
          case "/" -> view = view.mode(View.Mode.FILTER, view.filter());
          case "j" -> move(1);
          case "k" -> {
            List<ProcessOrder.Row> rows = ProcessOrder.rows(shown.processes(), view);
            long pid = Renderer.selected(rows, view);
            view = pid < 0 ? view.note(m.get("monitor.kill-none")) : view.select(pid).mode(View.Mode.CONFIRM_KILL, "");
          }
          default -> view = view.note("");
        }
      }
      default -> { }
    }
    return true;
  }

  private void move(int by) {
    List<ProcessOrder.Row> rows = ProcessOrder.rows(shown.processes(), view);
    if (rows.isEmpty()) {
      return;
    }
    long pid = Renderer.selected(rows, view);
    int at = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).proc().pid() == pid) {
        at = i;
      }
    }
    view = view.select(rows.get(Math.max(0, Math.min(rows.size() - 1, at + by))).proc().pid());
  }

  private void draw(Display display, Size size) {
    List<String> lines = renderer.render(shown, view, size.getColumns(), size.getRows());
    display.updateAnsi(lines, 0);
    terminal.flush();
  }

  private Size size() {
    Size s = terminal.getSize();
    return new Size(s.getColumns() <= 0 ? 80 : s.getColumns(), s.getRows() <= 0 ? 24 : s.getRows());
  }

  /** A status row's scroll region (the REPL's) would make the last rows scroll; the caller sets its own again. */
  private void fullScrollRegion(Size size) {
    terminal.puts(Capability.change_scroll_region, 0, size.getRows() - 1);
  }

  private void leaveScreen() {
    terminal.puts(Capability.cursor_visible);
    terminal.puts(Capability.exit_ca_mode);
    terminal.flush();
  }
}
