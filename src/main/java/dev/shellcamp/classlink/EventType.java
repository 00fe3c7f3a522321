package dev.shellcamp.classlink;

/** The event types of docs/class.md; the server answers 400 to any other. */
public enum EventType {
  JOINED, LESSON_STARTED, STEP_ENTERED, CHECK_FAILED, HINT, SOLUTION, SKIP, STEP_PASSED,
  LESSON_COMPLETED, IDLE, LEFT;

  /** The name on the wire: {@code step_entered}. */
  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
