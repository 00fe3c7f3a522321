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
  private final Runnable changed;

  /** {@code changed} runs on the sampling thread after each new snapshot, and when sampling fails. */
  SamplerThread(Duration interval, Runnable changed) {
    this.interval = interval;
    this.changed = changed;
    this.thread = new Thread(this::run, "shellcamp-sampler");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  Snapshot latest() {
    return latest;
  }

  /** Why sampling stopped (OSHI or /proc failed), or null. */
  String failure() {
    return failure;
  }

  private void run() {
    try (Sampler s = new Sampler()) {
      s.sample();
      // the first figures after a short window, then at the chosen refresh
      Thread.sleep(Math.min(250, interval.toMillis()));
      long next = System.nanoTime();
      while (running) {
        latest = s.sample();
        changed.run();
        next += interval.toNanos();
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
      changed.run();
    }
  }

  @Override
  public void close() {
    running = false;
    Threads.interruptAndJoin(thread, 1000);
  }
}
