package dev.shellcamp.classlink;

import dev.shellcamp.progress.AtomicWrite;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The events not yet acknowledged, in order. Each is one line of {@code class/queue.jsonl},
 * appended with one write on the caller's thread (no fsync: the page cache outlives a killed
 * tutor, and a command must not wait for a disk), and kept in memory too, so the sender never
 * reads the file back. The last seq the server answered 200 to is in {@code class/acked}. At
 * most {@code bound} events wait; beyond that the oldest are dropped and counted.
 */
final class EventQueue implements Closeable {
  record Queued(long seq, String line) {}

  /** Acknowledged lines left in the file before it is rewritten without them. */
  private static final int REWRITE_AFTER = 10_000;

  private final QueueFile file;
  private final Path ackFile;
  private final Path rejected;
  private final int bound;
  private final ArrayDeque<Queued> unsent = new ArrayDeque<>();
  private long seq;
  private long dropped;

  private EventQueue(Path dir, int bound) {
    this.file = new QueueFile(dir.resolve("queue.jsonl"));
    this.ackFile = dir.resolve("acked");
    this.rejected = dir.resolve("rejected.jsonl");
    this.bound = bound;
  }

  /** Opens the queue in {@code dir}; seq goes on from the last event queued or acknowledged. */
  static EventQueue open(Path dir, int bound) throws IOException {
    Files.createDirectories(dir);
    EventQueue q = new EventQueue(dir, bound);
    long acked = q.acked();
    q.seq = acked;
    for (String line : q.file.open()) {
      long s = Wire.seqOf(line);
      if (s > acked) {
        q.keep(new Queued(s, line));
      }
      q.seq = Math.max(q.seq, s);
    }
    return q;
  }

  private long acked() {
    try {
      return Files.exists(ackFile) ? Long.parseLong(Files.readString(ackFile).strip()) : 0;
    } catch (IOException | NumberFormatException e) {
      return 0;  // the server ignores events it already has, so resending all is safe
    }
  }

  private void keep(Queued q) {
    unsent.addLast(q);
    if (unsent.size() > bound) {
      unsent.removeFirst();
      dropped++;
    }
  }

  /** Queues an event with the next seq: one write to the open file, on this thread. */
  synchronized long append(ClassEvent e) {
    long s = ++seq;
    String line = Wire.eventLine(s, e);
    try {
      file.append(line);
    } catch (IOException x) {
      // not lost: it is still sent from memory; only a restart before that loses it
    }
    keep(new Queued(s, line));
    return s;
  }

  /** The oldest unacknowledged events: at most {@code max}, and {@code maxChars} of JSON (one at least). */
  synchronized List<Queued> peek(int max, int maxChars) {
    List<Queued> batch = new ArrayList<>();
    int chars = 0;
    for (Queued q : unsent) {
      chars += q.line().length() + 1;
      if (batch.size() == max || (!batch.isEmpty() && chars > maxChars)) {
        break;
      }
      batch.add(q);
    }
    return batch;
  }

  /** The server has everything up to {@code upTo}: record it, forget those lines, shrink the file. */
  void acknowledge(long upTo) throws IOException {
    AtomicWrite.replace(ackFile, (upTo + "\n").getBytes(StandardCharsets.UTF_8));
    synchronized (this) {
      while (!unsent.isEmpty() && unsent.peekFirst().seq() <= upTo) {
        unsent.removeFirst();
      }
    }
    compact();
  }

  /**
   * Empties the file when nothing waits, and rewrites it without the lines that no longer wait
   * (acknowledged, or dropped while the server was away) once they are many. The bulk is
   * written outside the lock, so an append waits at most for a rename. Only the sender thread
   * calls this and {@link #acknowledge}, so nothing leaves the queue while it rewrites.
   */
  void compact() throws IOException {
    List<String> keep = new ArrayList<>();
    long upTo;
    synchronized (this) {
      if (unsent.isEmpty()) {
        if (file.lines() > 0) {
          file.truncate();
        }
        return;
      }
      if (file.lines() - unsent.size() < Math.min(REWRITE_AFTER, bound)) {
        return;
      }
      unsent.forEach(q -> keep.add(q.line()));
      upTo = seq;
    }
    Path tmp = file.writeAside(keep);
    synchronized (this) {
      List<String> since = new ArrayList<>();
      unsent.stream().filter(q -> q.seq() > upTo).forEach(q -> since.add(q.line()));
      file.swap(tmp, since);
    }
  }

  /**
   * Events the server refused as they are (400, 413): sending them again would fail forever,
   * so they go to {@code class/rejected.jsonl} with the server's reason and the queue moves on.
   */
  Path setAside(List<Queued> refused, String error) throws IOException {
    StringBuilder b = new StringBuilder();
    for (Queued q : refused) {
      b.append("{\"error\":").append(Wire.string(error)).append(",\"event\":").append(q.line()).append("}\n");
    }
    Files.writeString(rejected, b, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    acknowledge(refused.get(refused.size() - 1).seq());
    return rejected;
  }

  synchronized int unsent() {
    return unsent.size();
  }

  synchronized long dropped() {
    return dropped;
  }

  @Override
  public synchronized void close() throws IOException {
    file.close();
  }
}
