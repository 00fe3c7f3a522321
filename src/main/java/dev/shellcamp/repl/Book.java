package dev.shellcamp.repl;

import dev.shellcamp.progress.Progress;
import dev.shellcamp.progress.ProgressStore;
import java.io.IOException;
import java.util.function.UnaryOperator;

/** The learner's progress in memory, saved after every change; a failed save is reported, never hidden. */
final class Book {
  private final ProgressStore store;
  private final Screen screen;
  private Progress progress;

  Book(ProgressStore store, Progress progress, Screen screen) {
    this.store = store;
    this.progress = progress;
    this.screen = screen;
  }

  Progress get() {
    return progress;
  }

  void update(UnaryOperator<Progress> change) {
    progress = change.apply(progress);
    try {
      store.save(progress);
    } catch (IOException e) {
      screen.fail(screen.msg("progress.save-failed", store.file(), e.getMessage()));
    }
  }
}
