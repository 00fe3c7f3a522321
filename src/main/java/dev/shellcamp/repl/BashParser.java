package dev.shellcamp.repl;

import dev.shellcamp.shell.BashSyntax;
import java.util.regex.Pattern;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * Lets a learner type `if`, `for`, functions and heredocs over several lines, as in bash:
 * when a line opens a block, `bash -n` says whether it is complete, and JLine asks for more.
 */
final class BashParser extends DefaultParser {
  private static final Pattern OPENS = Pattern.compile(
      "(^|[\\s;&|(])(if|then|do|case|while|until|for|select|function)(\\s|$)|\\{\\s*$|<<|\\\\$|\\(\\s*$");

  BashParser() {
    setEofOnUnclosedQuote(true);
    setEofOnEscapedNewLine(true);
    setEofOnUnclosedBracket();
  }

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && !CommandTable.isCommand(line) && OPENS.matcher(line).find()
        && BashSyntax.incomplete(line)) {
      throw new EOFError(-1, -1, "incomplete", "bash");
    }
    try {
      return super.parse(line, cursor, context);
    } catch (EOFError e) {
      if (context == ParseContext.ACCEPT_LINE && !BashSyntax.incomplete(line)) {
        // JLine's quoting rules are not bash's; when bash is happy, so are we
        return super.parse(line, cursor, ParseContext.COMPLETE);
      }
      throw e;
    }
  }
}
