package dev.shellcamp.classlink;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The daemon thread that talks to the class: sends the queue ({@link Batches}), fetches notes
 * ({@link NotesPoll}), notices idleness, saves the last note shown. Whatever the server does
 * only makes the queue wait; nothing here runs on the REPL's thread, and the REPL never wakes
 * it (an event is one append; the thread looks at the queue every {@code tick}).
 */
final class Sender implements Runnable {
  private final EventQueue queue;
  private final Inbox inbox;
  private final IdleWatch idle;
  private final Timing timing;
  private final LinkState link;
  private final Batches batches;
  private final NotesPoll notes;
  private final Thread thread;
  private volatile boolean stopped;
  private long toldDropped;

  Sender(ClassApi api, EventQueue queue, Inbox inbox, IdleWatch idle, LinkState link, Timing timing) {
    this.queue = queue;
    this.inbox = inbox;
    this.idle = idle;
    this.link = link;
    this.timing = timing;
    this.batches = new Batches(api, queue, inbox, link, timing);
    this.notes = new NotesPoll(api, inbox, link, timing);
    this.thread = new Thread(this, "shellcamp-class");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Why the last batch did not go through, or null when it did. */
  String problem() {
    return batches.problem();
  }

  @Override
  public void run() {
    long nextSend = System.nanoTime();
    long nextNotes = nextSend;
    while (!stopped && !link.revoked()) {
      try {
        if (idle.due()) {
          queue.append(ClassEvent.of(EventType.IDLE, null));
        }
        if (queue.unsent() > 0 && System.nanoTime() - nextSend >= 0) {
          nextSend = System.nanoTime() + batches.sendOne().toNanos();
        }
        if (System.nanoTime() - nextNotes >= 0 && !link.revoked()) {
          boolean wasAway = batches.away();
          boolean answered = notes.fetch();
          nextNotes = System.nanoTime() + notes.next(answered).toNanos();
          if (wasAway && answered) {
            nextSend = System.nanoTime();  // the server is back: the queue need not sit out its back-off
          }
        }
        link.rememberShown(inbox.shownUpTo());
        tellDropped();
      } catch (RuntimeException e) {
        // a surprise must not end the thread: the queue would then wait for ever, unsaid
        nextSend = System.nanoTime() + timing.maxBackoff().toNanos();
        nextNotes = nextSend;
      }
      long wake = Math.min(timing.tick().toNanos(), nextNotes - System.nanoTime());
      if (queue.unsent() > 0) {
        wake = Math.min(wake, nextSend - System.nanoTime());
      }
      LockSupport.parkNanos(this, Math.max(0, wake));
    }
  }

  private void tellDropped() {
    long d = queue.dropped();
    if (d > 0 && toldDropped == 0) {
      inbox.tell(new Inbox.Notice("class.dropped", d, timing.bound()));
    }
    toldDropped = d;
  }

  /** Waits up to {@code max} for the queue to empty while the server answers; true when it did. */
  boolean flush(Duration max) {
    long end = System.nanoTime() + max.toNanos();
    while (queue.unsent() > 0 && batches.problem() == null && !link.revoked() && System.nanoTime() - end < 0) {
      LockSupport.unpark(thread);
      LockSupport.parkNanos(20_000_000L);
    }
    return queue.unsent() == 0;
  }

  /**
   * Ends the thread and waits for it, so nothing it does (an ack file written late) lands in a
   * class folder that the next join starts afresh; an HTTP call in progress is interrupted.
   */
  void stop() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
