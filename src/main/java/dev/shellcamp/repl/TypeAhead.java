package dev.shellcamp.repl;

import org.jline.reader.EOFError;
import org.jline.reader.Parser;
import org.jline.reader.SyntaxError;

/**
 * Keys typed or pasted ahead of the prompt. The first whole command (one line, or the lines of an
 * if/for/heredoc that bash needs together) goes to the line editor as if typed; the rest waits on
 * the command's terminal, as in a real one, and what the command leaves comes back here.
 */
final class TypeAhead {
  private TypeAhead() {}

  /** The first complete command of {@code keys}, with its newline; all of it when none is complete. */
  static String first(String keys, Parser parser) {
    int from = 0;
    while (true) {
      int nl = keys.indexOf('\n', from);
      if (nl < 0) {
        return keys;
      }
      String candidate = keys.substring(0, nl);
      if (complete(candidate, parser)) {
        return keys.substring(0, nl + 1);
      }
      from = nl + 1;
    }
  }

  private static boolean complete(String line, Parser parser) {
    if (line.isBlank() || CommandTable.isCommand(line)) {
      return true;
    }
    try {
      parser.parse(line, line.length(), Parser.ParseContext.ACCEPT_LINE);
      return true;
    } catch (EOFError e) {
      return false;
    } catch (SyntaxError e) {
      return true;
    }
  }

  /**
   * Whether {@code keys} may wait on the command's terminal: a Ctrl-C, Ctrl-Z, Ctrl-\ or Ctrl-D
   * there would signal or end a command the learner did not aim it at.
   */
  static boolean feedable(String keys) {
    return keys.chars().noneMatch(c -> c == 0x03 || c == 0x1a || c == 0x1c || c == 0x04);
  }
}
