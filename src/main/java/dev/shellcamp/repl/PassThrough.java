package dev.shellcamp.repl;

import dev.shellcamp.shell.Ansi;
import dev.shellcamp.shell.OutputSink;
import dev.shellcamp.shell.PtyShell;
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
 * and the pump ({@link KeyPump}) stops reading, so the line editor is again the only reader of the
 * keyboard.
 */
final class PassThrough implements AutoCloseable {
  private final Terminal terminal;
  private final PtyShell shell;
  private final boolean interactive;
  private final Attributes saved;
  private final Terminal.SignalHandler previousWinch;
  private final Terminal.SignalHandler previousInt;
  private volatile boolean drew;
  /** Null on a dumb terminal, where keys are not passed on. */
  private final KeyPump pump;

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
      pump = KeyPump.shared();
      pump.begin(shell);
    } else {
      saved = null;
      previousWinch = null;
      previousInt = terminal.handle(Terminal.Signal.INT, s -> shell.interrupt());
      pump = null;
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

  /**
   * Keys read after the command ended, in the order typed; valid after close(). Until it is
   * called the pump may still be reading fd 0, so it comes before the line editor reads again.
   */
  String held() {
    return pump == null ? "" : pump.held();
  }

  @Override
  public void close() {
    if (pump != null) {
      pump.end();
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
