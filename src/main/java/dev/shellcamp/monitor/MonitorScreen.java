package dev.shellcamp.monitor;

import dev.shellcamp.ui.Messages;
import dev.shellcamp.ui.Theme;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/**
 * The full-screen monitor on a terminal. This thread acts on keys, which a key thread reads and
 * hands over through a queue, so an idle screen sleeps until a key comes. A sampler thread makes
 * the snapshots and draws each one itself, under this screen's lock, so a refresh wakes one
 * thread rather than two (docs/benchmarks.md). The alternate screen keeps whatever was on the
 * terminal (the REPL's scrollback, its prompt) untouched, and every mode change is undone in
 * finally, as JLine's TTop does, so `q`, an exception or Ctrl-C all leave the terminal as they
 * found it.
 */
public final class MonitorScreen {
  /** What wakes the screen: keys typed, a resize, the terminal gone. */
  private record Event(Kind kind, String text) {
    enum Kind { KEYS, RESIZED, GONE }
  }

  /** How long an escape sequence cut between two reads may wait for its rest before ESC is Escape. */
  private static final long ESCAPE_WAIT_MS = 50;

  private final Terminal terminal;
  private final Renderer renderer;
  private final Messages m;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final SamplerThread sampler;
  private final KeyInput keys;
  private final Frame frame = new Frame();
  private final StringBuilder out = new StringBuilder(16 * 1024);
  private final StringBuilder typed = new StringBuilder();
  // guarded by this: the screen's and the sampler's threads both draw
  private View view = View.START;
  private Snapshot shown;
  private Size size;
  /** Set when the screen leaves: a sample that comes after draws nothing over the REPL. */
  private boolean closed;

  private MonitorScreen(Terminal terminal, Theme theme, Messages m, Duration interval) {
    this.terminal = terminal;
    this.renderer = new Renderer(theme, m);
    this.m = m;
    this.sampler = new SamplerThread(interval, this::sampled);
    this.keys = new KeyInput(terminal, k -> events.add(k == null ? new Event(Event.Kind.GONE, "") : new Event(Event.Kind.KEYS, k)));
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
      previousWinch = terminal.handle(Terminal.Signal.WINCH, s -> events.add(new Event(Event.Kind.RESIZED, "")));
      Runtime.getRuntime().addShutdownHook(onKill);
      terminal.puts(Capability.enter_ca_mode);
      terminal.puts(Capability.cursor_invisible);
      synchronized (this) {
        size = size();
        fullScrollRegion(size);
        terminal.puts(Capability.clear_screen);
        shown = Snapshot.pending();
        draw();  // before OSHI's slow start: the learner sees the screen at once
      }
      sampler.start();
      keys.start();
      loop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      synchronized (this) {
        closed = true;
      }
      keys.close();
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

  /** Sleeps until a key or a resize: nothing here wakes on a timer, so an idle screen costs no CPU. */
  private void loop() throws InterruptedException {
    while (true) {
      Event e = typed.length() == 0 ? events.take() : events.poll(ESCAPE_WAIT_MS, TimeUnit.MILLISECONDS);
      if (!handle(e)) {
        return;
      }
      if (e != null && e.kind() == Event.Kind.KEYS) {
        keys.more();
      }
    }
  }

  /** One event (null: the escape wait ran out); false to leave. */
  private synchronized boolean handle(Event e) {
    if (e != null && e.kind() == Event.Kind.GONE) {
      return false;
    }
    if (e != null && e.kind() == Event.Kind.RESIZED) {
      size = size();
      fullScrollRegion(size);
      terminal.puts(Capability.clear_screen);
      frame.invalidate();
    } else {
      typed.append(e == null ? "" : e.text());
      for (Keys.Key k : Keys.take(typed, e == null)) {
        if (!key(k)) {
          return false;
        }
      }
    }
    draw();
    return true;
  }

  /** On the sampler's thread, after each snapshot or when sampling failed. */
  private synchronized void sampled() {
    if (closed) {
      return;
    }
    if (sampler.failure() != null && view.note().isEmpty() && view.mode() == View.Mode.BROWSE) {
      view = view.note(m.get("monitor.failed", sampler.failure()));
    }
    Snapshot latest = sampler.latest();
    if (latest != null) {
      shown = latest;
    }
    draw();
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

  private void draw() {
    out.setLength(0);
    frame.diff(renderer.render(shown, view, size.getColumns(), size.getRows()), out);
    if (!out.isEmpty()) {
      terminal.writer().append(out);
      terminal.flush();
    }
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
