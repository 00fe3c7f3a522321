package dev.shellcamp.classlink;

import java.time.Duration;

/**
 * The sender's clock settings: back-off after a failure (doubling from {@code firstBackoff} to
 * {@code maxBackoff}), how often notes are fetched, when a learner counts as idle, and how often
 * the sender looks at the queue when nothing wakes it. Tests shorten them.
 */
record Timing(Duration firstBackoff, Duration maxBackoff, Duration notesEvery, Duration idleAfter, Duration tick,
    int bound) {
  static final Timing STANDARD = new Timing(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(2),
      Duration.ofMinutes(5), Duration.ofMillis(250), 100_000);

  Timing withIdleAfter(Duration d) {
    return new Timing(firstBackoff, maxBackoff, notesEvery, d, tick, bound);
  }
}
