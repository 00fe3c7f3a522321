package dev.shellcamp.repl;

import dev.shellcamp.lesson.Catalog;
import dev.shellcamp.lesson.Lesson;
import dev.shellcamp.lesson.LessonText;
import dev.shellcamp.shell.PtyShell;
import dev.shellcamp.ui.Markdown;
import dev.shellcamp.ui.Theme;

/**
 * A lesson's start made cheap ahead of time, on a background thread, while the terminal opens or
 * the learner reads the menu: its YAML parsed (the menu came from the index), the first Markdown
 * rendered (the renderer's classes and code warm) and a first PTY process started (pty4j and JNA
 * load their native libraries then, ~150 ms here). Nothing of it is shown; the real start finds
 * the lesson parsed and the rest warm.
 */
public final class Warm {
  private Warm() {}

  /**
   * Warms the start of lesson {@code id} on two daemon threads: the parse first on one (the start
   * needs it soonest, and takes it over half done rather than doing it again), the PTY on the other.
   */
  public static void lessonInBackground(Catalog catalog, String id) {
    background(() -> catalog.lesson(id).ifPresent(Warm::render));
    background(PtyShell::warmUp);
  }

  private static void background(Runnable work) {
    Thread t = new Thread(() -> {
      try {
        work.run();
      } catch (RuntimeException | LinkageError e) {
        // a warm-up only: the real start does the same work and reports what fails
      }
    }, "shellcamp-warm");
    t.setDaemon(true);
    t.start();
  }

  private static void render(Lesson lesson) {
    LessonText text = lesson.text("en");
    new Markdown(Theme.detect(false, false), 80).render("# " + text.title() + "\n\n" + text.intro());
  }
}
