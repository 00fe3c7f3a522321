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

  private Ansi() {}

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
