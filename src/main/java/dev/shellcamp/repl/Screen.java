package dev.shellcamp.repl;

import dev.shellcamp.explain.Explanation;
import dev.shellcamp.ui.Markdown;
import dev.shellcamp.ui.Messages;
import dev.shellcamp.ui.Theme;
import java.io.PrintWriter;
import org.jline.terminal.Terminal;

/**
 * Everything the REPL prints goes through here: the terminal's writer, theme and language. In
 * plain mode a message's first word (from the bundle) says what it is, where a glyph would.
 */
final class Screen {
  final Terminal terminal;
  final Theme theme;
  final boolean interactive;
  final boolean plain;
  private final boolean bell;
  Messages messages;

  Screen(Terminal terminal, Theme theme, Messages messages, boolean interactive, boolean bell) {
    this.terminal = terminal;
    this.theme = theme;
    this.messages = messages;
    this.interactive = interactive;
    this.plain = theme.plain();
    this.bell = bell;
  }

  String msg(String key, Object... args) {
    return messages.get(key, args);
  }

  void println(String s) {
    PrintWriter w = terminal.writer();
    w.println(plain ? words(s) : s);
    w.flush();
  }

  /**
   * Lines built outside this class (Repl's danger warning, the end-of-output mark after a
   * command) still carry their glyphs; plain mode turns them into words here, so no glyph
   * reaches a screen reader whoever composed the line.
   */
  private String words(String s) {
    if (s.equals("⏎")) {
      return "";
    }
    return s.startsWith("⚠ ") ? msg("plain.warning", s.substring(2)) : s;
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
    println(plain ? msg("plain.ok", s) : theme.ok("✓ ") + s);
  }

  void fail(String s) {
    println(plain ? msg("plain.error", s) : theme.bad("✗ ") + s);
  }

  void note(String s) {
    println(plain ? msg("plain.note", s) : theme.dim(s));
  }

  /** A message that already starts with the words saying what happened ("Passed: …", "Lesson complete: …"). */
  void success(String s) {
    println(plain ? s : theme.ok("✓ ") + theme.ok(s));
  }

  /** A check that did not pass; in plain mode its first line follows the word, so it is heard first. */
  void notYet(String reason) {
    ring();
    if (!plain) {
      fail(msg("check.failed-intro"));
      println(indent(reason));
      return;
    }
    String[] lines = reason.split("\n", 2);
    println(msg("plain.not-yet", lines[0].strip()));
    if (lines.length > 1 && !lines[1].isBlank()) {
      println(indent(lines[1]));
    }
  }

  /** A classic mistake named after a failure: one short block, its name, why, and the fix. */
  void mistake(Explanation e) {
    String title = msg("mistake.title", e.name());
    println(plain ? title : theme.warn("💡 " + title));
    // a list wraps at the window's width with a hanging indent, and shows `commands` as code
    markdown("- " + msg("mistake.why-label") + " " + e.why() + "\n- " + msg("mistake.fix-label") + " " + e.fix() + "\n");
  }

  private static String indent(String s) {
    return "  " + s.replace("\n", "\n  ");
  }

  /** The terminal bell, only where --bell asked for it: someone who cannot watch the screen hears the result. */
  void ring() {
    if (bell) {
      terminal.writer().print('\u0007');
      terminal.writer().flush();
    }
  }
}
