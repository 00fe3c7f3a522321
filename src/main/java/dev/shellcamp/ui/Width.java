package dev.shellcamp.ui;

import org.jline.utils.WCWidth;

/** Display width in terminal columns: Korean and other wide characters take two. */
public final class Width {
  private Width() {}

  public static int of(String s) {
    int w = 0;
    boolean esc = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (esc) {
        esc = cp != 'm';
        continue;
      }
      if (cp == 0x1b) {
        esc = true;
        continue;
      }
      w += columns(cp);
    }
    return w;
  }

  /** One column for printable ASCII without a table search: most of what a screen holds. */
  private static int columns(int cp) {
    return cp >= 0x20 && cp < 0x7f ? 1 : Math.max(0, WCWidth.wcwidth(cp));
  }

  public static String padRight(String s, int width) {
    int w = of(s);
    return w >= width ? s : s + " ".repeat(width - w);
  }

  /** The longest prefix of plain text {@code s} that fits in {@code width} columns. */
  public static String truncate(String s, int width) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int cw = columns(cp);
      if (w + cw > width) {
        return s.substring(0, i);
      }
      w += cw;
      i += Character.charCount(cp);
    }
    return s;
  }
}
