package dev.shellcamp.classroom;

/** When a learner counts as stuck: this long on one step, or this many failed checks on it. */
record Settings(int stuckMinutes, int stuckFails) {
  static final int MAX = 10_000;

  Settings {
    if (stuckMinutes < 1 || stuckMinutes > MAX || stuckFails < 1 || stuckFails > MAX) {
      throw new IllegalArgumentException("stuck_minutes and stuck_fails must be between 1 and " + MAX);
    }
  }

  long stuckMillis() {
    return stuckMinutes * 60_000L;
  }
}
