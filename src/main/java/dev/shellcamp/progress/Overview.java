package dev.shellcamp.progress;

import dev.shellcamp.lesson.Catalog;
import dev.shellcamp.lesson.Course;
import dev.shellcamp.lesson.Lesson;
import dev.shellcamp.lesson.LessonSummary;
import dev.shellcamp.shell.Capabilities;
import dev.shellcamp.ui.Messages;
import dev.shellcamp.ui.Theme;
import dev.shellcamp.ui.Width;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The numbered list of courses and lessons with progress: the menu, :progress, {@code list} and
 * {@code progress}. Here rather than in {@code repl} so that the commands that print it need
 * nothing of the REPL.
 */
public final class Overview {
  private final Catalog catalog;
  private final Capabilities caps;

  public Overview(Catalog catalog, Capabilities caps) {
    this.catalog = catalog;
    this.caps = caps;
  }

  /** Lesson ids in menu order; index + 1 is the number shown. */
  public List<String> ids() {
    return catalog.lessonIds();
  }

  /** Why a lesson cannot be started here (broken file or missing capability), if it cannot. */
  public Optional<String> unavailable(String id, Messages m) {
    Optional<LessonSummary> l = catalog.summary(id);
    if (l.isEmpty()) {
      return Optional.of(m.get("menu.broken"));
    }
    return caps.missingAtAGlance(l.get().requires()).map(p -> m.get("menu.requires", p.name(), p.detail()));
  }

  /** The first capability the lesson needs and this machine lacks. */
  public Optional<Capabilities.Probe> missing(String id) {
    return catalog.summary(id).flatMap(l -> caps.missing(l.requires()));
  }

  public String render(Progress progress, Messages m, Theme t, String current) {
    StringBuilder b = new StringBuilder();
    int n = 0;
    int titleWidth = 0;
    for (String id : ids()) {
      titleWidth = Math.max(titleWidth, Width.of(title(id, m)));
    }
    titleWidth = Math.min(titleWidth, 44);
    for (Course c : catalog.courses()) {
      b.append('\n').append(t.heading(c.title(m.lang()))).append('\n');
      for (String id : c.lessonIds()) {
        n++;
        String num = String.format("%3d  ", n);
        String title = Width.padRight(title(id, m), titleWidth);
        boolean here = id.equals(current);
        String marker = here && !t.plain() ? t.accent("▸ ") : "  ";
        String tail = here && t.plain() ? "  " + m.get("plain.current") : "";
        Optional<String> why = unavailable(id, m);
        if (why.isPresent()) {
          b.append(marker).append(t.dim(num + title + "  " + why.get())).append(tail).append('\n');
          continue;
        }
        b.append(marker).append(t.bold(num)).append(title).append("  ").append(state(id, progress, m, t)).append(tail)
            .append('\n');
      }
    }
    return b.toString();
  }

  /** How many of the lesson's steps the learner has done. */
  public static int doneSteps(Lesson l, LessonProgress lp) {
    return lp == null ? 0 : (int) l.steps().stream().filter(s -> lp.isDone(s.id())).count();
  }

  private static int doneSteps(LessonSummary l, LessonProgress lp) {
    return lp == null ? 0 : (int) l.stepIds().stream().filter(lp::isDone).count();
  }

  /** One dot a step, filled for those done: the menu's and the status line's picture of a lesson. */
  public static String dots(int done, int total) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < total; i++) {
      b.append(i < done ? '●' : '○');
    }
    return b.toString();
  }

  private String title(String id, Messages m) {
    return catalog.summary(id).map(l -> l.title(m.lang())).orElse(id);
  }

  private String state(String id, Progress progress, Messages m, Theme t) {
    LessonSummary l = catalog.summary(id).orElseThrow();
    LessonProgress lp = progress.lesson(id);
    int total = l.stepIds().size();
    int done = doneSteps(l, lp);
    if (t.plain()) {
      // dots are read out one by one, or not at all: a count says the same in three words
      String count = m.get("plain.steps-done", done, total);
      return lp != null && lp.completed() != null ? count + ", " + m.get("plain.lesson-complete") : count + "  " + id;
    }
    String dots = dots(done, total);
    if (lp != null && lp.completed() != null) {
      return t.ok(dots + "  ✓ " + m.get("menu.done"));
    }
    if (lp == null) {
      return t.dim(dots + "  " + id);
    }
    return t.warn(dots) + "  " + done + "/" + total + t.dim("  " + id);
  }

  /** Rows for `list --json` and `progress --json/--csv`. */
  public List<Row> rows(Progress progress, Messages m) {
    List<Row> rows = new ArrayList<>();
    for (Course c : catalog.courses()) {
      for (String id : c.lessonIds()) {
        Optional<LessonSummary> l = catalog.summary(id);
        LessonProgress lp = progress.lesson(id);
        int total = l.map(x -> x.stepIds().size()).orElse(0);
        int done = l.map(x -> doneSteps(x, lp)).orElse(0);
        rows.add(new Row(c.id(), id, title(id, m), total, done, lp == null ? 0 : lp.step(),
            lp != null && lp.completed() != null, lp == null ? 0 : lp.skipped().size(),
            lp == null ? 0 : lp.hints(), unavailable(id, m).orElse(null)));
      }
    }
    return rows;
  }

  /** One lesson's progress as data. */
  public record Row(String course, String id, String title, int steps, int done, int current, boolean completed,
      int skipped, int hints, String unavailable) {}
}
