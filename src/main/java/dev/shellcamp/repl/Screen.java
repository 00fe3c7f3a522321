package dev.shellcamp.repl;

import dev.shellcamp.ui.Markdown;
import dev.shellcamp.ui.Messages;
import dev.shellcamp.ui.Theme;
import java.io.PrintWriter;
import org.jline.terminal.Terminal;

/** Everything the REPL prints goes through here: the terminal's writer, theme and language. */
final class Screen {
  final Terminal terminal;
  final Theme theme;
  final boolean interactive;
  Messages messages;

  Screen(Terminal terminal, Theme theme, Messages messages, boolean interactive) {
    this.terminal = terminal;
    this.theme = theme;
    this.messages = messages;
    this.interactive = interactive;
  }

  String msg(String key, Object... args) {
    return messages.get(key, args);
  }

  void println(String s) {
    PrintWriter w = terminal.writer();
    w.println(s);
    w.flush();
  }

  void markdown(String md) {
    PrintWriter w = terminal.writer();
    w.print(new Markdown(theme, width()).render(md));
    w.flush();
  }

  int width() {
    int w = terminal.getWidth();
    return w <= 0 ? 80 : Math.min(w, 100);
  }

  void ok(String s) {
    println(theme.ok("✓ ") + s);
  }

  void fail(String s) {
    println(theme.bad("✗ ") + s);
  }

  void note(String s) {
    println(theme.dim(s));
  }
}
