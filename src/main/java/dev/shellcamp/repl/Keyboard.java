package dev.shellcamp.repl;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import dev.shellcamp.trace.Laps;
import org.jline.keymap.BindingReader;
import org.jline.reader.EndOfFileException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.ClosedException;
import org.jline.utils.NonBlocking;
import org.jline.utils.NonBlockingInputStream;
import org.jline.utils.NonBlockingReader;

/**
 * The keyboard for JLine's line reader, so that a tutor waiting at its prompt sleeps until a key
 * comes. JLine's own reader wakes ten times a second however long nobody types: its BindingReader
 * asks for a key with a 100 ms timeout and asks again on expiry, and its tty stream sets VMIN=0
 * VTIME=1, a read(2) that returns empty every 100 ms (0.07-0.10 % of a core idle,
 * docs/benchmarks.md). Here a key is waited for in read(2) on fd 0 with VMIN=1, as PassThrough and
 * the monitor's KeyInput read it; only a wait with a timeout (after ESC, is it a sequence?) looks
 * with available() instead. Bytes are read one at a time, as JLine's stream does, so nothing
 * typed ahead of a command is taken from the terminal before the line is accepted.
 */
final class Keyboard extends NonBlockingInputStream {
  private final Terminal terminal;
  // never closed: closing it would close fd 0
  private final FileInputStream in = new FileInputStream(FileDescriptor.in);

  private Keyboard(Terminal terminal) {
    this.terminal = terminal;
  }

  /**
   * Makes {@code reader} read keys through a Keyboard and returns what tells whether keys are
   * waiting; null (and JLine's polling reader kept) on a terminal that is not the process's tty or
   * a JLine whose reader field has moved.
   */
  static Pending install(LineReaderImpl reader, Terminal terminal) {
    if (!(terminal instanceof org.jline.terminal.impl.AbstractPosixTerminal) || System.console() == null) {
      return null;
    }
    try {
      // LineReaderImpl makes its BindingReader in its constructor, over terminal.reader(), into a
      // final field: there is no other way to give it another
      Field f = LineReaderImpl.class.getDeclaredField("bindingReader");
      f.setAccessible(true);
      Keyboard keyboard = new Keyboard(terminal);
      Blocking blocking = new Blocking(NonBlocking.nonBlocking(terminal.getName(), keyboard, terminal.encoding()), keyboard);
      f.set(reader, blocking);
      return blocking;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** Whether keys wait to be read: typed ahead, pasted, or a macro of the tutor's. */
  interface Pending {
    boolean keysWaiting();
  }

  @Override
  public int read(long timeout, boolean isPeek) throws IOException {
    if (isPeek) {
      throw new IOException("Keyboard does not peek bytes (JLine's reader peeks characters)");
    }
    return timeout <= 0 ? waitForKey() : lookForKey(timeout);
  }

  /** Like the default, but without waiting for more bytes than are there. */
  @Override
  public int readBuffered(byte[] b, int off, int len, long timeout) throws IOException {
    if (len == 0) {
      return 0;
    }
    int first = read(timeout, false);
    if (first < 0) {
      return first;
    }
    b[off] = (byte) first;
    int n = 1;
    while (n < len && in.available() > 0) {
      int r = in.read();
      if (r < 0) {
        break;
      }
      b[off + n++] = (byte) r;
    }
    return n;
  }

  @Override
  public void close() {
    // fd 0 stays open for the next reader
  }

  private int waitForKey() throws IOException {
    Laps.waiting();
    while (true) {
      Attributes a = terminal.getAttributes();
      if (a.getControlChar(Attributes.ControlChar.VMIN) != 1 || a.getControlChar(Attributes.ControlChar.VTIME) != 0) {
        // JLine's raw mode is VMIN=0 VTIME=1: a read that gives up after 100 ms
        a.setControlChar(Attributes.ControlChar.VMIN, 1);
        a.setControlChar(Attributes.ControlChar.VTIME, 0);
        terminal.setAttributes(a);
      }
      int b = in.read();
      if (b >= 0) {
        Laps.key();
        return b;
      }
      // with VMIN=1 only a hang-up ends a read without a byte; with VMIN=0 another thread set the
      // mode while this one waited: wait again
      if (terminal.getAttributes().getControlChar(Attributes.ControlChar.VMIN) != 0) {
        return EOF;
      }
    }
  }

  private int lookForKey(long timeout) throws IOException {
    long end = System.nanoTime() + timeout * 1_000_000;
    while (in.available() <= 0) {
      long left = (end - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return READ_EXPIRED;
      }
      try {
        Thread.sleep(Math.min(left, 2));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException();
      }
    }
    return in.read();
  }

  /** JLine's BindingReader, waiting for a key without a timeout instead of asking every 100 ms. */
  private static final class Blocking extends BindingReader implements Pending {
    private final Keyboard keyboard;

    Blocking(NonBlockingReader reader, Keyboard keyboard) {
      super(reader);
      this.keyboard = keyboard;
    }

    @Override
    public boolean keysWaiting() {
      try {
        return !pushBackChar.isEmpty() || keyboard.in.available() > 0;
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    public int readCharacter() {
      if (!pushBackChar.isEmpty()) {
        return pushBackChar.pop();
      }
      try {
        int c = reader.read(0L);
        if (c >= 0 && Character.isHighSurrogate((char) c)) {
          int low = reader.read(0L);
          return low < 0 ? low : Character.toCodePoint((char) c, (char) low);
        }
        return c;
      } catch (ClosedException e) {
        throw new EndOfFileException(e);
      } catch (IOException e) {
        throw new java.io.IOError(e);
      }
    }
  }
}
