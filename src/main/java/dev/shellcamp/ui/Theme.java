package dev.shellcamp.ui;

/** ANSI styles, or none at all where NO_COLOR is set or the terminal is dumb. */
public record Theme(boolean color) {
  public static Theme detect(boolean dumbTerminal) {
    String noColor = System.getenv("NO_COLOR");
    return new Theme(!dumbTerminal && (noColor == null || noColor.isEmpty()));
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
