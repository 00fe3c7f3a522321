package dev.shellcamp.repl;

import dev.shellcamp.shell.Ansi;
import dev.shellcamp.shell.OutputSink;
import dev.shellcamp.shell.PtyShell;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

/**
 * While a command runs, the outer terminal is raw (ISIG cleared by hand: JLine's raw mode leaves
 * it on, so Ctrl-C would signal our JVM) and every key goes to the PTY, where vi, top, less and
 * Ctrl-C behave as in a normal terminal. Every mode change is undone in close(). Once the command
 * has ended the shell takes no more keys: those read after that are held for the tutor's prompt,
 * and the pump stops reading, so the line editor is again the only reader of the keyboard.
 */
final class PassThrough implements AutoCloseable {
  private final Terminal terminal;
  private final PtyShell shell;
  private final boolean interactive;
  private final Attributes saved;
  private final Terminal.SignalHandler previousWinch;
  private final Terminal.SignalHandler previousInt;
  private volatile boolean running = true;
  private volatile boolean drew;
  private final ByteArrayOutputStream held = new ByteArrayOutputStream();
  private final Thread pump;

  PassThrough(Terminal terminal, PtyShell shell, boolean interactive, StatusBar status) {
    this.terminal = terminal;
    this.shell = shell;
    this.interactive = interactive;
    shell.resize(terminal.getWidth(), status.childRows());
    shell.expectCommand();
    if (interactive) {
      saved = terminal.enterRawMode();
      Attributes raw = new Attributes(terminal.getAttributes());
      raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
      terminal.setAttributes(raw);
      previousWinch = terminal.handle(Terminal.Signal.WINCH, s -> {
        drew = true;
        status.resized();
        shell.resize(terminal.getWidth(), status.childRows());
      });
      previousInt = terminal.handle(Terminal.Signal.INT, s -> shell.interrupt());
      pump = new Thread(this::pumpKeys, "shellcamp-keys");
      pump.setDaemon(true);
      pump.start();
    } else {
      saved = null;
      previousWinch = null;
      previousInt = terminal.handle(Terminal.Signal.INT, s -> shell.interrupt());
      pump = null;
    }
  }

  /**
   * Reads the keyboard straight from fd 0, polling with available(): JLine's timed read waits
   * in 100 ms steps (VTIME), and that wait would be added to every command's end.
   */
  private void pumpKeys() {
    FileInputStream in = new FileInputStream(FileDescriptor.in);
    byte[] buf = new byte[4096];
    ByteArrayOutputStream waiting = new ByteArrayOutputStream();
    long idleSleepMs = 1;
    try {
      while (running) {
        int n = in.available();
        if (n > 0) {
          int got = in.read(buf, 0, Math.min(n, buf.length));
          waiting.write(buf, 0, Math.max(got, 0));
          idleSleepMs = 1;
        }
        if (waiting.size() > 0) {
          // keys wait here while bash is busy between the command and its prompt, still read, so
          // that a Ctrl-C behind them gets through
          PtyShell.Offer o = shell.offer(waiting.toByteArray(), 0, waiting.size());
          if (o == PtyShell.Offer.REFUSED) {
            return;
          }
          if (o == PtyShell.Offer.SENT) {
            waiting.reset();
          }
        }
        if (n <= 0) {
          Thread.sleep(waiting.size() > 0 ? 2 : idleSleepMs);
          idleSleepMs = Math.min(idleSleepMs * 2, 8);
        }
      }
    } catch (IOException e) {
      // the keyboard went away: nothing more to pass on
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      // whatever was read and not sent belongs to the tutor's next prompt
      synchronized (held) {
        held.writeBytes(waiting.toByteArray());
      }
    }
  }

  /** Where the command's output goes: the terminal as is, or plain text on a dumb terminal. */
  OutputSink sink() {
    OutputStream out = terminal.output();
    if (interactive) {
      return (b, off, len) -> {
        if (!drew) {
          for (int i = off; i < off + len; i++) {
            drew |= b[i] == 0x1b;
          }
        }
        try {
          out.write(b, off, len);
          out.flush();
        } catch (IOException e) {
          // the learner's terminal went away; the command still finishes
        }
      };
    }
    return (b, off, len) -> {
      String plain = Ansi.strip(new String(b, off, len, StandardCharsets.UTF_8));
      terminal.writer().print(plain);
      terminal.writer().flush();
    };
  }

  /** True when the command sent escape sequences (it may have cleared the screen or moved the scroll region). */
  boolean drew() {
    return drew;
  }

  /** Keys read after the command ended, in the order typed; valid after close(). */
  String held() {
    synchronized (held) {
      return held.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    running = false;
    if (pump != null) {
      pump.interrupt(); // it only ever blocks in sleep; available() and read() of ready bytes do not block
      try {
        pump.join(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (saved != null) {
      terminal.setAttributes(saved);
    }
    if (previousWinch != null) {
      terminal.handle(Terminal.Signal.WINCH, previousWinch);
    }
    if (previousInt != null) {
      terminal.handle(Terminal.Signal.INT, previousInt);
    }
  }
}
