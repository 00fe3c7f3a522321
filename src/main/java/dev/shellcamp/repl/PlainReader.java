package dev.shellcamp.repl;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Set;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;

/**
 * JLine's line reader for plain mode: with the options that only work through escape sequences
 * held off. Setting them false is not enough: JLine then writes the sequence that turns
 * bracketed paste off before every prompt. The bell is off too, so that with --bell a BEL means
 * a step passed or a check failed, never a mistyped key.
 */
final class PlainReader extends TutorReader {
  private static final Set<Option> DRAWING = EnumSet.of(
      Option.BRACKETED_PASTE, Option.AUTO_FRESH_LINE, Option.AUTO_MENU, Option.AUTO_LIST, Option.MOUSE);

  PlainReader(Terminal terminal, String appName) {
    super(terminal, appName, new HashMap<>());
    setVariable(LineReader.BELL_STYLE, "none");
  }

  @Override
  public boolean isSet(Option option) {
    return !DRAWING.contains(option) && super.isSet(option);
  }
}
