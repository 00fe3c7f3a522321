package dev.shellcamp.repl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
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
        && incomplete(line)) {
      throw new EOFError(-1, -1, "incomplete", "bash");
    }
    try {
      return super.parse(line, cursor, context);
    } catch (EOFError e) {
      if (context == ParseContext.ACCEPT_LINE && !incomplete(line)) {
        // JLine's quoting rules are not bash's; when bash is happy, so are we
        return super.parse(line, cursor, ParseContext.COMPLETE);
      }
      throw e;
    }
  }

  static boolean incomplete(String line) {
    try {
      Process p = new ProcessBuilder("/bin/bash", "-n").redirectErrorStream(true).start();
      p.getOutputStream().write(line.getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(3, TimeUnit.SECONDS);
      return out.contains("unexpected end of file") || out.contains("delimited by end-of-file");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
