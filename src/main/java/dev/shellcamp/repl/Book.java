package dev.shellcamp.repl;

import dev.shellcamp.progress.LessonProgress;
import dev.shellcamp.progress.Progress;
import dev.shellcamp.progress.ProgressStore;
import dev.shellcamp.progress.SaveFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The learner's progress in memory, saved after every change. A failed save is said once, with
 * the file and what is not on disk, and the learner keeps working; the next change tries again.
 */
final class Book {
  private final ProgressStore store;
  private final Screen screen;
  private Progress progress;
  /** What the file holds, as far as we know: the difference from {@link #progress} is what is unsaved. */
  private Progress saved;
  private String failure;

  Book(ProgressStore store, Progress progress, Screen screen) {
    this.store = store;
    this.progress = progress;
    this.saved = progress;
    this.screen = screen;
  }

  Progress get() {
    return progress;
  }

  void update(UnaryOperator<Progress> change) {
    progress = change.apply(progress);
    String before = failure;
    if (!trySave() && !failure.equals(before)) {
      screen.fail(screen.msg("progress.unsaved", store.file(), failure, unsaved()));
    }
  }

  /** The goodbye: an honest one when the last change never reached the disk (one more try first). */
  String goodbye() {
    if (failure == null || trySave()) {
      return screen.msg("repl.bye");
    }
    return screen.msg("repl.bye-unsaved", store.file(), failure, unsaved());
  }

  private boolean trySave() {
    try {
      store.save(progress);
      saved = progress;
      failure = null;
      return true;
    } catch (IOException e) {
      failure = SaveFailure.reason(e);
      return false;
    }
  }

  private String unsaved() {
    List<String> what = new ArrayList<>();
    for (LessonProgress lp : progress.lessons().values()) {
      if (!lp.equals(saved.lesson(lp.id()))) {
        what.add(screen.msg("progress.unsaved-what", lp.id()));
      }
    }
    for (String id : saved.lessons().keySet()) {
      if (progress.lesson(id) == null) {
        what.add(screen.msg("progress.unsaved-what", id));
      }
    }
    if (!Objects.equals(progress.lang(), saved.lang())) {
      what.add(screen.msg("progress.unsaved-lang"));
    }
    return String.join(", ", what);
  }
}
