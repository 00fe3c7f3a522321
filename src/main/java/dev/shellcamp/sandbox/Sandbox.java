package dev.shellcamp.sandbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * One learner's sandbox as the class server holds it: started on demand, its TTY's output kept
 * for replay and passed to every connected viewer, keys and sizes passed back. Output waits for
 * a slow viewer (so {@code yes} is held back, not buffered without end); a viewer that stays
 * slow is dropped and may connect again.
 */
public final class Sandbox {
  /** A viewer this far behind holds the TTY's output back. */
  static final int HIGH = 64 * 1024;
  static final long SLOW_MILLIS = 10_000;

  private final Spec spec;
  private final Backend backend;
  private final LongSupplier clock;
  private final Notices notices;
  private final Replay replay = new Replay(128 * 1024);
  private final List<Pipe> pipes = new CopyOnWriteArrayList<>();
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final ByteBuffer undecoded = ByteBuffer.allocate(8192 + 8);
  private Tty tty;
  private int cols = 100;
  private int rows = 30;
  private volatile long lastKey;

  Sandbox(Spec spec, Backend backend, LongSupplier clock, Notices notices) {
    this.spec = spec;
    this.backend = backend;
    this.clock = clock;
    this.notices = notices;
    this.lastKey = clock.getAsLong();
  }

  public Spec spec() {
    return spec;
  }

  /** Starts the sandbox if it is not running (made, or started again after a cull or an exit). */
  public synchronized void start() throws SandboxException {
    if (tty == null) {
      lastKey = clock.getAsLong();
      tty = backend.start(spec, new Out());
      tty.resize(cols, rows);
    }
  }

  public synchronized boolean running() {
    return tty != null;
  }

  /** A viewer connects: it gets what the screen last showed, then everything new. */
  public void connect(Viewer v) {
    Pipe p = new Pipe(v);
    pipes.add(p);
    p.offer(replay.text());
  }

  public void disconnect(Viewer v) {
    pipes.removeIf(p -> p.viewer == v);
  }

  public int viewers() {
    return pipes.size();
  }

  /** Keys from a viewer; a stopped sandbox starts again first, so any key resumes it. */
  public void keys(String text) throws SandboxException, IOException {
    lastKey = clock.getAsLong();
    Tty t;
    synchronized (this) {
      start();
      t = tty;
    }
    t.write(text.getBytes(StandardCharsets.UTF_8));
  }

  public synchronized void resize(int c, int r) {
    cols = c;
    rows = r;
    if (tty != null) {
      tty.resize(c, r);
    }
  }

  long idleSince() {
    return lastKey;
  }

  /** Stops the sandbox, keeping its volume; viewers stay connected and are told how to resume. */
  void stop() throws SandboxException {
    Tty t;
    synchronized (this) {
      t = tty;
      tty = null;
    }
    if (t != null) {
      t.close();
      backend.stop(spec);
      show(notices.culled());
    }
  }

  /** Ends every viewer's connection (the class is closing). */
  void closeViewers(String why) {
    for (Pipe p : pipes) {
      p.viewer.close(why);
    }
    pipes.clear();
  }

  private void show(String text) {
    replay.append(text);
    for (Pipe p : pipes) {
      p.offer(text);
    }
  }

  /** The TTY's output, on the back end's reader thread. */
  private final class Out implements Screen {
    @Override
    public void output(byte[] b, int off, int len) {
      String text;
      synchronized (decoder) {
        text = decode(b, off, len);
      }
      if (text.isEmpty()) {
        return;
      }
      show(text);
      for (Pipe p : pipes) {
        try {
          if (!p.awaitBelow(HIGH, SLOW_MILLIS)) {
            pipes.remove(p);
            p.viewer.close("the browser did not keep up with the terminal's output for "
                + SLOW_MILLIS / 1000 + " s; reload the page to see it again");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    @Override
    public void ended() {
      boolean wasOurs;
      synchronized (Sandbox.this) {
        wasOurs = tty != null;
        tty = null;
      }
      if (wasOurs) {
        show(notices.ended());
      }
    }
  }

  /** UTF-8 split across reads is held until its last byte arrives, so a Hangul syllable is never torn. */
  private String decode(byte[] b, int off, int len) {
    StringBuilder s = new StringBuilder();
    CharBuffer chars = CharBuffer.allocate(undecoded.capacity());
    int at = off;
    while (at < off + len) {
      int n = Math.min(undecoded.remaining(), off + len - at);
      undecoded.put(b, at, n);
      at += n;
      undecoded.flip();
      decoder.decode(undecoded, chars, false);
      undecoded.compact();
      chars.flip();
      s.append(chars);
      chars.clear();
    }
    return s.toString();
  }
}
