package dev.shellcamp.repl;

import dev.shellcamp.shell.Ansi;
import dev.shellcamp.shell.OutputSink;
import dev.shellcamp.shell.PtyShell;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

/**
 * While a command runs, the outer terminal is raw (ISIG cleared by hand: JLine's raw mode leaves
 * it on, so Ctrl-C would signal our JVM) and every key goes to the PTY, where vi, top, less and
 * Ctrl-C behave as in a normal terminal. Every mode change is undone in close().
 */
final class PassThrough implements AutoCloseable {
  private final Terminal terminal;
  private final PtyShell shell;
  private final boolean interactive;
  private final Attributes saved;
  private final Terminal.SignalHandler previousWinch;
  private final Terminal.SignalHandler previousInt;
  private volatile boolean running = true;
  private final Thread pump;

  PassThrough(Terminal terminal, PtyShell shell, boolean interactive, StatusBar status) {
    this.terminal = terminal;
    this.shell = shell;
    this.interactive = interactive;
    shell.resize(terminal.getWidth(), status.childRows());
    if (interactive) {
      saved = terminal.enterRawMode();
      Attributes raw = new Attributes(terminal.getAttributes());
      raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
      terminal.setAttributes(raw);
      previousWinch = terminal.handle(Terminal.Signal.WINCH, s -> {
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

  private void pumpKeys() {
    NonBlockingReader reader = terminal.reader();
    char[] one = new char[2];
    while (running) {
      try {
        int c = reader.read(20);
        if (c < 0) {
          if (c == NonBlockingReader.EOF) {
            return;
          }
          continue;
        }
        int n = 0;
        one[n++] = (char) c;
        if (Character.isHighSurrogate((char) c)) {
          int low = reader.read(20);
          if (low >= 0) {
            one[n++] = (char) low;
          }
        }
        byte[] bytes = new String(one, 0, n).getBytes(StandardCharsets.UTF_8);
        shell.type(bytes, 0, bytes.length);
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Where the command's output goes: the terminal as is, or plain text on a dumb terminal. */
  OutputSink sink() {
    OutputStream out = terminal.output();
    if (interactive) {
      return (b, off, len) -> {
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

  @Override
  public void close() {
    running = false;
    if (pump != null) {
      try {
        pump.join(500);
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
