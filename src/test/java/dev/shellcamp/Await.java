package dev.shellcamp;

import java.time.Duration;

/**
 * Waits in tests by polling for the condition itself rather than sleeping a guessed while: as short
 * as the machine allows when it is quick, and as long as {@code max} when it is loaded.
 */
public final class Await {
  private static final long POLL_MS = 20;

  /** A condition to poll; it may throw, as reading /proc or a socket may. */
  @FunctionalInterface
  public interface Condition {
    boolean holds() throws Exception;
  }

  private Await() {}

  /** Polls {@code done} until it holds; fails naming {@code what} when {@code max} passes first. */
  public static void until(String what, Duration max, Condition done) throws Exception {
    if (!upTo(max, done)) {
      throw new AssertionError("waited " + seconds(max) + " for " + what);
    }
  }

  /**
   * Polls {@code done} until it holds or {@code max} passes, and says which: for a grace period that
   * the test's own assertion follows, so that a failure keeps that assertion's message.
   */
  public static boolean upTo(Duration max, Condition done) throws Exception {
    long end = System.nanoTime() + max.toNanos();
    while (!done.holds()) {
      if (System.nanoTime() - end > 0) {
        return done.holds();
      }
      Thread.sleep(POLL_MS);
    }
    return true;
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
