package dev.shellcamp.lab.server;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request body without holding a thread while the bytes are on their way (Jetty calls
 * back when more arrive), so a client that sends its body slowly costs a socket and a buffer,
 * not a thread. Keeps at most {@code keep} bytes (one more than a limit tells "over it"), counts
 * the rest up to {@code drop} and throws it away, and gives up after {@code deadline}. Exactly
 * one of the outcomes is reported.
 */
final class BodyReader implements Runnable {
  /** How reading ended. */
  enum End {
    /** The whole body, or as much as was asked for. */
    READ,
    /** The deadline passed. */
    DEADLINE,
    /** Nothing came for the connection's idle timeout. */
    IDLE,
    /** The client went away. */
    FAILED
  }

  /** What came of reading: the bytes kept, how many there were in all, how it ended. */
  record Outcome(byte[] kept, long total, End end, Throwable failure) {}

  interface Done {
    void body(Outcome o);
  }

  private final Request request;
  private final int keep;
  private final long drop;
  private final Done done;
  private final AtomicBoolean settled = new AtomicBoolean();
  private byte[] buf;
  private int size;
  private volatile long total; // read by the timer's thread for its message
  private final Scheduler scheduler;
  private final long deadline;
  /** Armed only when the body is not all there at once: a small body comes with its headers. */
  private volatile Scheduler.Task timer;

  private BodyReader(Request request, int keep, long drop, Done done, Scheduler scheduler, long deadline) {
    this.request = request;
    this.keep = keep;
    this.drop = drop;
    this.done = done;
    this.scheduler = scheduler;
    this.deadline = deadline;
    // as long as the body says it is (an infer body is usually under a kilobyte, and then needs
    // no copy), up to 64 KiB before any byte came (a Content-Length is only a claim), then doubling
    long length = request.getLength();
    this.buf = new byte[keep == 0 ? 0 : (int) Math.min(keep, length >= 0 ? Math.min(Math.max(length, 1), 65536) : 8192)];
  }

  /**
   * Reads the body: up to {@code keep} bytes are kept, and reading stops after {@code drop} bytes
   * (the rest stays unread: Jetty then closes the connection after the answer).
   */
  static void read(Request request, int keep, long drop, long deadlineNanos, Scheduler scheduler, Done done) {
    new BodyReader(request, keep, drop, done, scheduler, System.nanoTime() + deadlineNanos).run();
  }

  @Override
  public void run() {
    while (!settled.get()) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        if (timer == null) {
          // the first wait arms the deadline: a body that came whole with its headers (nearly every
          // one) costs no timer to schedule and cancel
          timer = scheduler.schedule(this::timeUp, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        request.demand(this);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        // Jetty's idle timeout wakes a waiting read with a transient TimeoutException
        boolean idle = !chunk.isLast() && chunk.getFailure() instanceof TimeoutException;
        settle(new Outcome(new byte[0], total, idle ? End.IDLE : End.FAILED, chunk.getFailure()));
        return;
      }
      take(chunk.getByteBuffer());
      boolean last = chunk.isLast();
      chunk.release();
      if (last || total >= drop) {
        settle(new Outcome(kept(), total, End.READ, null));
        return;
      }
    }
  }

  private void take(ByteBuffer b) {
    int n = b.remaining();
    total += n;
    int room = Math.min(n, keep - size);
    if (room > 0) {
      if (size + room > buf.length) {
        buf = Arrays.copyOf(buf, Math.min(keep, Math.max(size + room, buf.length * 2)));
      }
      b.get(buf, size, room);
      size += room;
    }
  }

  private byte[] kept() {
    return size == buf.length ? buf : Arrays.copyOf(buf, size);
  }

  private void timeUp() {
    // the bytes read so far are not copied: the reading thread may still be at them
    settle(new Outcome(new byte[0], total, End.DEADLINE, null));
  }

  private void settle(Outcome o) {
    if (settled.compareAndSet(false, true)) {
      Scheduler.Task t = timer;
      if (t != null) {
        t.cancel();
      }
      done.body(o);
    }
  }
}
