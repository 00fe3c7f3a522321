package dev.shellcamp.classroom;

import dev.shellcamp.classlink.EventType;

/**
 * Where one learner is now, folded from their events. Mutable and owned by {@link ClassView},
 * which guards it; the outside world only sees {@link Row} copies.
 */
final class LearnerState {
  final Learner learner;
  String lesson;
  String step;
  int index = -1;
  int total = -1;
  long since;
  int fails;
  int hints;
  int solutions;
  int skips;
  int passed;
  int completed;
  String reasonEn;
  String reasonKo;
  boolean idle;
  boolean left;
  long lastSeen;
  /** Bumped on every change, so the live stream sends a learner only when something moved. */
  long version;

  LearnerState(Learner learner) {
    this.learner = learner;
    this.lastSeen = learner.joinedAt();
    this.since = learner.joinedAt();
  }

  /** Folds one event in; returns the time spent on a step that just passed, or -1. */
  long apply(Event e) {
    long took = -1;
    lastSeen = Math.max(lastSeen, e.at());
    idle = e.type() == EventType.IDLE;
    left = e.type() == EventType.LEFT;
    if (e.lesson() != null) {
      lesson = e.lesson();
    }
    switch (e.type()) {
      case STEP_ENTERED -> {
        // the same step again is a resumed session: its failures and time still count
        if (!e.step().equals(step) || e.index() != index) {
          fails = 0;
          reasonEn = null;
          reasonKo = null;
          since = e.at();
        }
        place(e);
      }
      case CHECK_FAILED -> {
        place(e);
        fails++;
        reasonEn = e.reasonEn();
        reasonKo = e.reasonKo();
      }
      case STEP_PASSED -> {
        place(e);
        took = e.at() - since;
        passed++;
        fails = 0;
        reasonEn = null;
        reasonKo = null;
      }
      case HINT -> hints++;
      case SOLUTION -> solutions++;
      case SKIP -> skips++;
      case LESSON_STARTED -> {
        // the previous lesson's step is not where they are now
        step = null;
        index = -1;
        total = -1;
        fails = 0;
        reasonEn = null;
        reasonKo = null;
        since = e.at();
      }
      case LESSON_COMPLETED -> {
        completed++;
        step = null;
        index = total;
      }
      default -> { }
    }
    version++;
    return took;
  }

  private void place(Event e) {
    step = e.step();
    index = e.index();
    total = e.total();
  }

  boolean stuck(Settings s, long now) {
    if (step == null || idle || left) {
      return false;
    }
    return fails >= s.stuckFails() || now - since >= s.stuckMillis();
  }

  Row row(Settings s, long now) {
    return new Row(learner.id(), learner.name(), lesson, step, index, total, since, fails, hints, solutions, skips,
        passed, completed, reasonEn, reasonKo, stuck(s, now), idle, left, lastSeen);
  }

  /** One learner as the board and the API show them. */
  record Row(String id, String name, String lesson, String step, int index, int total, long since, int fails,
      int hints, int solutions, int skips, int passed, int completed, String reasonEn, String reasonKo,
      boolean stuck, boolean idle, boolean left, long lastSeen) {
  }
}
