package dev.shellcamp.check;

/** Command lines in reasons: one line, short enough to read. */
final class Shown {
  private static final int MAX = 80;

  private Shown() {}

  static String cut(String s) {
    String t = s.replace('\n', ' ').strip();
    return t.length() > MAX ? t.substring(0, MAX - 1) + "…" : t;
  }
}
