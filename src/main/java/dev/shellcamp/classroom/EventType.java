package dev.shellcamp.classroom;

import java.util.Locale;
import java.util.Optional;

/** The events a joined tutor sends (DESIGN.md section 7); the wire name is the lower-case name. */
enum EventType {
  JOINED, LESSON_STARTED, STEP_ENTERED, CHECK_FAILED, HINT, SOLUTION, SKIP, STEP_PASSED, LESSON_COMPLETED, IDLE, LEFT;

  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<EventType> of(String wire) {
    for (EventType t : values()) {
      if (t.wire().equals(wire)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** Events that say where the learner is, so they must name a lesson and a step. */
  boolean placed() {
    return this != JOINED && this != IDLE && this != LEFT && this != LESSON_STARTED && this != LESSON_COMPLETED;
  }
}
