package dev.shellcamp.shell;

import java.util.regex.Pattern;

/** Turns terminal output into the plain text a check compares. */
public final class Ansi {
  private static final Pattern ESCAPES = Pattern.compile(
      "\u001b\\[[0-?]*[ -/]*[@-~]"          // CSI: colours, cursor moves
          + "|\u001b\\][^\u0007\u001b]*(?:\u0007|\u001b\\\\)" // OSC: titles
          + "|\u001b[()*+][0-9A-Za-z]"     // charset selection
          + "|\u001b[=>78cDEHMNOZ]"          // single-char escapes
          + "|[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f]");

  /**
   * A carriage return, then (after any colour or cursor codes) an erase of the line: the program
   * redraws that line (a pager's prompt, a progress bar), so what it held before is gone.
   */
  private static final Pattern REDRAW = Pattern.compile("\r(?:\u001b\\[[0-?]*[ -/]*[@-~])*?\u001b\\[[0-2]?K");
  /** Stands for a redraw until the escapes are gone: a noncharacter no program prints. */
  private static final char REDRAWN = '\uffff';

  private Ansi() {}

  /**
   * A command's output as its checks read it: escapes removed, and every line a bare carriage
   * return starts is its own line, as a pipe's reader splitting lines sees it ({@code tr ';' '\r'}
   * printed ten numbers, though a terminal paints only the last). A line the program erased and
   * redrew keeps only what was drawn last.
   */
  public static String output(String raw) {
    String s = REDRAW.matcher(raw).replaceAll(String.valueOf(REDRAWN));
    s = ESCAPES.matcher(s).replaceAll("").replace("\u001b", "").replaceAll("\r+\n", "\n");
    if (s.indexOf('\r') < 0 && s.indexOf(REDRAWN) < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (String line : s.split("\n", -1)) {
      String drawn = line.substring(line.lastIndexOf(REDRAWN) + 1);
      out.append(drawn.replaceAll("^\r+|\r+$", "").replaceAll("\r+", "\n")).append('\n');
    }
    out.setLength(out.length() - 1);
    return out.toString();
  }

  public static String strip(String raw) {
    String s = ESCAPES.matcher(raw).replaceAll("").replace("\u001b", "");
    s = s.replace("\r\n", "\n");
    if (s.indexOf('\r') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (String line : s.split("\n", -1)) {
      // a carriage return redraws the line: keep what was left visible, the text after the last \r
      String visible = line;
      while (visible.endsWith("\r")) {
        visible = visible.substring(0, visible.length() - 1);
      }
      int cr = visible.lastIndexOf('\r');
      if (cr >= 0) {
        visible = visible.substring(cr + 1);
      }
      out.append(visible).append('\n');
    }
    out.setLength(out.length() - 1);
    return out.toString();
  }
}
