package dev.shellcamp.ui;

import java.util.Map;

/**
 * Plain mode for screen readers and logs (--plain or SHELLCAMP_PLAIN): whole lines that start
 * with a word, no colour, glyphs, redrawn spinners or status row. {@code bell} (--bell) rings
 * the terminal bell when a step passes or a check fails, in either mode.
 */
public record PlainMode(boolean on, boolean bell) {
  public static final PlainMode OFF = new PlainMode(false, false);

  /** The flags from the command line, with SHELLCAMP_PLAIN turning plain mode on as well. */
  public static PlainMode of(boolean plainFlag, boolean bell) {
    return new PlainMode(plainFlag || fromEnv(System.getenv()), bell);
  }

  static boolean fromEnv(Map<String, String> env) {
    String v = env.get("SHELLCAMP_PLAIN");
    return v != null && !v.isEmpty() && !v.equals("0");
  }

  /**
   * Whether plain mode is asked for before picocli has parsed anything: the terminal is opened
   * in parallel with parsing, and plain mode needs a different kind of terminal.
   */
  public static boolean requested(String[] args) {
    for (String a : args) {
      if (a.equals("--")) {
        break;
      }
      if (a.equals("--plain")) {
        return true;
      }
    }
    return fromEnv(System.getenv());
  }
}
