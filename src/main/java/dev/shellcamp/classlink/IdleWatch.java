package dev.shellcamp.classlink;

/**
 * Idle: no line entered for a while. The REPL only stamps the time of each line (one volatile
 * write); the sender thread, which wakes anyway, decides, so nothing is added to the input path.
 */
final class IdleWatch {
  private final long afterNanos;
  private volatile long lastLine = System.nanoTime();
  /** The line whose idle period was already reported (sender thread only). */
  private long reportedFor = Long.MIN_VALUE;

  IdleWatch(java.time.Duration after) {
    this.afterNanos = after.toNanos();
  }

  void lineEntered() {
    lastLine = System.nanoTime();
  }

  /** True once per idle period, when it has lasted long enough. */
  boolean due() {
    long last = lastLine;
    if (System.nanoTime() - last < afterNanos || reportedFor == last) {
      return false;
    }
    reportedFor = last;
    return true;
  }
}
