package dev.shellcamp.classlink;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The daemon thread that talks to the class: sends the queue in batches, fetches notes,
 * notices idleness. Whatever the server does (down, slow, 5xx, 429) only makes the queue
 * wait; a batch it refuses as it is goes aside; a 401 ends the link. Nothing here is on the
 * REPL's thread.
 */
final class Sender implements Runnable {
  static final int MAX_EVENTS = 100;
  /** Under the server's 256 KiB body limit, with room for the envelope and multi-byte text. */
  static final int MAX_CHARS = 80_000;

  private final ClassApi api;
  private final EventQueue queue;
  private final Inbox inbox;
  private final IdleWatch idle;
  private final Timing timing;
  private final LinkState link;
  private final Backoff backoff;
  private final Thread thread;
  private volatile boolean stopped;
  private volatile String problem;
  private int limit = MAX_EVENTS;
  private long fetchedUpTo;
  private boolean toldRejected;
  private long toldDropped;

  Sender(ClassApi api, EventQueue queue, Inbox inbox, IdleWatch idle, LinkState link, Timing timing) {
    this.api = api;
    this.queue = queue;
    this.inbox = inbox;
    this.idle = idle;
    this.link = link;
    this.timing = timing;
    this.backoff = new Backoff(timing.firstBackoff(), timing.maxBackoff());
    this.fetchedUpTo = link.get().lastNote();
    this.thread = new Thread(this, "shellcamp-class");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Why the last try to reach the server failed, or null when it worked. */
  String problem() {
    return problem;
  }

  @Override
  public void run() {
    long nextSend = 0;
    long nextNotes = 0;
    while (!stopped && !link.revoked()) {
      long now = System.nanoTime();
      if (idle.due()) {
        queue.append(ClassEvent.of(EventType.IDLE, null));
      }
      if (queue.unsent() > 0 && now - nextSend >= 0) {
        nextSend = System.nanoTime() + send().toNanos();
      }
      if (now - nextNotes >= 0 && !link.revoked()) {
        nextNotes = System.nanoTime() + fetchNotes().toNanos();
      }
      link.rememberShown(inbox.shownUpTo());
      tellDropped();
      long wake = Math.min(timing.tick().toNanos(), Math.max(0, nextNotes - System.nanoTime()));
      if (queue.unsent() > 0) {
        wake = Math.min(wake, Math.max(0, nextSend - System.nanoTime()));
      }
      LockSupport.parkNanos(this, wake);
    }
  }

  /** One batch; returns how long to wait before the next. */
  private Duration send() {
    List<EventQueue.Queued> batch = queue.peek(limit, MAX_CHARS);
    ClassApi.Answer a = api.events(link.get(), Wire.batch(System.currentTimeMillis(),
        batch.stream().map(EventQueue.Queued::line).toList()));
    try {
      switch (a.status()) {
        case 200 -> {
          queue.acknowledge(batch.get(batch.size() - 1).seq());
          return worked();
        }
        case 400, 413 -> {
          return refused(batch, a);
        }
        case 401 -> {
          link.revoke();
          inbox.tell(new Inbox.Notice("class.revoked", link.get().url()));
          return Duration.ZERO;
        }
        case 429 -> {
          problem = "HTTP 429";
          return backoff.retryAfter(a.retryAfter());
        }
        default -> {
          problem = a.status() == 0 ? a.failure() : "HTTP " + a.status();
          queue.compact();  // while the server is away, the file keeps to the bound too
          return backoff.failed();
        }
      }
    } catch (IOException e) {
      problem = e.getMessage();
      return backoff.failed();
    }
  }

  private Duration worked() {
    problem = null;
    backoff.reset();
    return Duration.ZERO;
  }

  /**
   * A batch the server refuses as it is would fail forever. Smaller batches first find the one
   * event at fault, so the good events around it are still sent; that one is set aside.
   */
  private Duration refused(List<EventQueue.Queued> batch, ClassApi.Answer a) throws IOException {
    if (batch.size() > 1) {
      limit = Math.max(1, batch.size() / 2);
      return Duration.ZERO;
    }
    String error = a.status() + " " + (Wire.error(a.body()) == null ? "" : Wire.error(a.body()));
    var file = queue.setAside(batch, error.strip());
    limit = MAX_EVENTS;
    if (!toldRejected) {
      toldRejected = true;
      inbox.tell(new Inbox.Notice("class.rejected", file, error.strip()));
    }
    return worked();
  }

  private Duration fetchNotes() {
    ClassApi.Answer a = api.notes(link.get(), fetchedUpTo);
    if (a.status() == 401) {
      link.revoke();
      inbox.tell(new Inbox.Notice("class.revoked", link.get().url()));
      return Duration.ZERO;
    }
    if (a.status() == 200) {
      try {
        for (Note n : Wire.notes(a.body()).stream().sorted((x, y) -> Long.compare(x.id(), y.id())).toList()) {
          if (n.id() > fetchedUpTo) {
            inbox.add(n);
            fetchedUpTo = n.id();
          }
        }
        return timing.notesEvery();
      } catch (IOException e) {
        problem = "notes: " + e.getMessage();
      }
    }
    // the server away: ask no more often than events are retried
    return timing.notesEvery().compareTo(timing.firstBackoff()) > 0 ? timing.notesEvery() : timing.firstBackoff();
  }

  private void tellDropped() {
    long d = queue.dropped();
    if (d > toldDropped && toldDropped == 0) {
      inbox.tell(new Inbox.Notice("class.dropped", d, timing.bound()));
    }
    toldDropped = d;
  }

  /** Waits up to {@code max} for the queue to empty, while the server answers; true when it did. */
  boolean flush(Duration max) {
    long end = System.nanoTime() + max.toNanos();
    LockSupport.unpark(thread);
    while (queue.unsent() > 0 && problem == null && !link.revoked() && System.nanoTime() - end < 0) {
      LockSupport.parkNanos(20_000_000L);
      LockSupport.unpark(thread);
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
