package dev.shellcamp.monitor;

/** The monitor's worker threads end the same way: asked to stop, then waited for a bounded time. */
final class Threads {
  private Threads() {}

  /** Interrupts {@code thread} and waits up to {@code millis} for it; the caller's interrupt is kept. */
  static void interruptAndJoin(Thread thread, long millis) {
    thread.interrupt();
    try {
      thread.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
