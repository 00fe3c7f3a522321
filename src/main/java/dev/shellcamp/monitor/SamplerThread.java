package dev.shellcamp.monitor;

import java.time.Duration;

/**
 * Samples on its own thread, so the screen draws and answers keys while OSHI starts (its first
 * calls take ≈ 0.1-0.4 s) and while a sample is taken. The newest snapshot is handed over
 * through a volatile field: snapshots are immutable, so nothing else is shared.
 */
final class SamplerThread implements AutoCloseable {
  private final Duration interval;
  private final Thread thread;
  private volatile Snapshot latest;
  private volatile boolean running = true;
  private volatile String failure;
  /** When the next snapshot should be there (System.nanoTime), so the screen need not poll for it. */
  private volatile long due = System.nanoTime() + 250_000_000L;

  SamplerThread(Duration interval) {
    this.interval = interval;
    this.thread = new Thread(this::run, "shellcamp-sampler");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  Snapshot latest() {
    return latest;
  }

  /** Milliseconds until the next snapshot is due, 0 when it is already late. */
  long millisToNext() {
    return Math.max(0, (due - System.nanoTime()) / 1_000_000);
  }

  /** Why sampling stopped (OSHI or /proc failed), or null. */
  String failure() {
    return failure;
  }

  private void run() {
    try {
      Sampler s = new Sampler();
      s.sample();
      // the first figures after a short window, then at the chosen refresh
      Thread.sleep(Math.min(250, interval.toMillis()));
      long next = System.nanoTime();
      while (running) {
        long took = System.nanoTime();
        latest = s.sample();
        took = System.nanoTime() - took;
        next += interval.toNanos();
        due = next + took;
        long wait = next - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } else {
          next = System.nanoTime(); // fell behind (a suspended laptop): do not catch up in a burst
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | LinkageError e) {
      // the screen stays up and says so; the learner quits with q as always
      failure = e.getMessage() == null ? e.toString() : e.getMessage();
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
