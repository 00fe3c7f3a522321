package dev.shellcamp.ui;

/**
 * ANSI styles, or none at all where NO_COLOR is set or the terminal is dumb. A plain theme
 * (plain mode) never colours and tells renderers to use words and ASCII instead of glyphs.
 */
public record Theme(boolean color, boolean plain) {
  public Theme {
    color = color && !plain;
  }

  public Theme(boolean color) {
    this(color, false);
  }

  public static Theme detect(boolean dumbTerminal) {
    String noColor = System.getenv("NO_COLOR");
    return new Theme(!dumbTerminal && (noColor == null || noColor.isEmpty()));
  }

  public static Theme detect(boolean dumbTerminal, boolean plain) {
    return plain ? new Theme(false, true) : detect(dumbTerminal);
  }

  /** A list item's marker. */
  public String bullet() {
    return plain ? "- " : "• ";
  }

  private String wrap(String code, String s) {
    return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }

  public String bold(String s) {
    return wrap("1", s);
  }

  public String dim(String s) {
    return wrap("2", s);
  }

  public String ok(String s) {
    return wrap("1;32", s);
  }

  public String bad(String s) {
    return wrap("1;31", s);
  }

  public String warn(String s) {
    return wrap("1;33", s);
  }

  public String code(String s) {
    return wrap("36", s);
  }

  public String heading(String s) {
    return wrap("1;34", s);
  }

  public String accent(String s) {
    return wrap("35", s);
  }
}
