package dev.shellcamp.classlink;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Sending the queue, one batch at a time, and what each answer means for it: 200 acknowledges;
 * no server, 5xx or 429 waits (back-off, or the Retry-After asked for); 400 or 413 would fail
 * forever, so the one event at fault is found and set aside; 401 ends the link.
 */
final class Batches {
  static final int MAX_EVENTS = 100;
  /** Under the server's 256 KiB body limit even if every character takes 3 bytes of UTF-8. */
  static final int MAX_CHARS = 80_000;

  private final ClassApi api;
  private final EventQueue queue;
  private final Inbox inbox;
  private final LinkState link;
  private final Backoff backoff;
  private int limit = MAX_EVENTS;
  private volatile String problem;
  private boolean away;
  private boolean toldRejected;

  Batches(ClassApi api, EventQueue queue, Inbox inbox, LinkState link, Timing timing) {
    this.api = api;
    this.queue = queue;
    this.inbox = inbox;
    this.link = link;
    this.backoff = new Backoff(timing.firstBackoff(), timing.maxBackoff());
  }

  /** Why the last batch did not go through, or null when it did. */
  String problem() {
    return problem;
  }

  /** The last batch found no server (a 429 is not that: its Retry-After holds whatever else answers). */
  boolean away() {
    return away;
  }

  /** Sends the oldest events; returns how long to wait before the next batch. */
  Duration sendOne() {
    List<EventQueue.Queued> batch = queue.peek(limit, MAX_CHARS);
    if (batch.isEmpty()) {
      return Duration.ZERO;
    }
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
          link.revoke(inbox);
          return Duration.ZERO;
        }
        case 429 -> {
          problem = "HTTP 429";
          return backoff.retryAfter(a.retryAfter());
        }
        default -> {
          problem = a.status() == 0 ? a.failure() : "HTTP " + a.status();
          away = true;
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
    away = false;
    backoff.reset();
    return Duration.ZERO;
  }

  /**
   * Halving the batch finds the one event at fault, so the good ones around it still go; that
   * one goes to rejected.jsonl, said once.
   */
  private Duration refused(List<EventQueue.Queued> batch, ClassApi.Answer a) throws IOException {
    if (batch.size() > 1) {
      limit = Math.max(1, batch.size() / 2);
      return Duration.ZERO;
    }
    String said = Wire.error(a.body());
    String error = a.status() + (said == null ? "" : " " + said);
    Path file = queue.setAside(batch, error);
    limit = MAX_EVENTS;
    if (!toldRejected) {
      toldRejected = true;
      inbox.tell(new Inbox.Notice("class.rejected", file, error));
    }
    return worked();
  }
}
