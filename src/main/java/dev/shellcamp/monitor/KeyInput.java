package dev.shellcamp.monitor;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

/**
 * The learner's keys, read on a thread of their own and handed over as text; {@code null} when
 * the terminal is gone. JLine's reader polls: it sets the tty to VMIN=0 VTIME=1 and wakes every
 * 100 ms, each time returning through its reader stack, which at a 1 s refresh is never compiled
 * (≈ 0.8 ms of CPU a second, a third of the monitor's, docs/benchmarks.md). This thread blocks in
 * read(2) on fd 0 with VMIN=1 instead, as the REPL's PassThrough reads it, and so wakes only for
 * a key. The monitor runs only on the system terminal (a dumb one is refused), which is fd 0.
 *
 * <p>A read blocked for VMIN=1 cannot be called off (new tty modes do not reach a read already
 * waiting), and a key it took after the screen closed would be lost to the REPL. So the thread
 * reads only when asked: once at the start and again each time the screen has dealt with the
 * keys it was given ({@link #more()}). After `q` nothing asks, and close() finds the thread
 * waiting for a permit, not in read(2). Only a screen that fails while waiting for a key leaves
 * a read behind; that read takes one key from the REPL.
 */
final class KeyInput implements AutoCloseable {
  private final Terminal terminal;
  private final Consumer<String> keys;
  private final Thread thread;
  private final Semaphore asked = new Semaphore(1);
  private volatile boolean stopped;

  KeyInput(Terminal terminal, Consumer<String> keys) {
    this.terminal = terminal;
    this.keys = keys;
    this.thread = new Thread(this::run, "shellcamp-monitor-keys");
    thread.setDaemon(true);
  }

  /** Blocking reads from now on; call with the terminal already raw. */
  void start() {
    Attributes a = new Attributes(terminal.getAttributes());
    a.setControlChar(Attributes.ControlChar.VMIN, 1);
    a.setControlChar(Attributes.ControlChar.VTIME, 0);
    terminal.setAttributes(a);
    thread.start();
  }

  /** The keys given so far are dealt with: read the next ones. */
  void more() {
    asked.release();
  }

  private void run() {
    // never closed: closing it would close fd 0
    FileInputStream in = new FileInputStream(FileDescriptor.in);
    CharsetDecoder decoder = terminal.encoding().newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    ByteBuffer bytes = ByteBuffer.allocate(256);
    CharBuffer chars = CharBuffer.allocate(256);
    while (!stopped) {
      int n;
      try {
        asked.acquire();
        n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      } catch (InterruptedException e) {
        return;
      } catch (IOException e) {
        n = -1;
      }
      if (stopped) {
        return;
      }
      if (n < 0) {
        keys.accept(null); // with VMIN=1 only a hang-up ends a read without a byte
        return;
      }
      bytes.position(bytes.position() + n).flip();
      decoder.decode(bytes, chars, false); // a character cut between two reads waits in bytes
      bytes.compact();
      chars.flip();
      keys.accept(chars.toString()); // even "" (half a character): the screen asks for more
      chars.clear();
    }
  }

  @Override
  public void close() {
    stopped = true;
    Threads.interruptAndJoin(thread, 100);
  }
}
