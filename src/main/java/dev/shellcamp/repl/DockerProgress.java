package dev.shellcamp.repl;

import dev.shellcamp.run.LessonDocker;
import dev.shellcamp.shell.Ansi;
import dev.shellcamp.ui.Width;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Terminal;

/**
 * The base image's build as one line that rewrites itself with the engine's latest step, and
 * Ctrl-C (the tutor's own SIGINT while no command runs) to stop it. In plain mode each step is a
 * line of its own: a screen reader or a log cannot follow a line that rewrites itself.
 */
final class DockerProgress implements LessonDocker.Progress {
  private final Screen screen;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private Terminal.SignalHandler previous;

  DockerProgress(Screen screen) {
    this.screen = screen;
  }

  @Override
  public void building(boolean started) {
    Terminal t = screen.terminal;
    if (started) {
      screen.note(screen.msg("docker.base-building"));
      previous = t.handle(Terminal.Signal.INT, s -> cancelled.set(true));
      return;
    }
    t.handle(Terminal.Signal.INT, previous);
    if (screen.interactive && !screen.plain) {
      t.writer().print("\r\033[K");
    }
    if (!cancelled.get()) {
      screen.note(screen.msg("docker.base-built"));
    }
    t.flush();
  }

  @Override
  public void line(String engineLine) {
    if (screen.plain) {
      String line = Ansi.strip(engineLine).strip();
      if (!line.isEmpty()) {
        screen.println(line);
      }
      return;
    }
    if (!screen.interactive) {
      return;
    }
    String line = "  " + engineLine.replaceAll("\\s+", " ");
    int max = Math.max(10, screen.terminal.getWidth() - 1);
    screen.terminal.writer().print("\r\033[K" + screen.theme.dim(Width.truncate(line, max)));
    screen.terminal.flush();
  }

  @Override
  public boolean cancelled() {
    return cancelled.get();
  }
}
