package dev.shellcamp.guard;

/**
 * Finds where a quoted or substituted span of shell text ends. Each method takes the index of
 * the span's opening character and returns the index just past its end, or -1 when the span is
 * never closed (bash would ask for more lines; the guard reads what it has).
 */
final class Scan {
  private Scan() {}

  static int single(String s, int i) {
    int j = s.indexOf('\'', i + 1);
    return j < 0 ? -1 : j + 1;
  }

  /** $'...': backslash escapes a quote here, unlike in '...'. */
  static int ansi(String s, int i) {
    return escaped(s, i, '\'');
  }

  static int dbl(String s, int i) {
    int j = i + 1;
    while (j < s.length()) {
      char c = s.charAt(j);
      if (c == '"') {
        return j + 1;
      }
      int k = c == '\\' ? j + 2 : c == '$' ? dollar(s, j) : c == '`' ? backtick(s, j) : j + 1;
      if (k < 0) {
        return -1;
      }
      j = k;
    }
    return -1;
  }

  static int backtick(String s, int i) {
    return escaped(s, i, '`');
  }

  /** A span that ends at {@code close}, where a backslash makes the next character plain. */
  private static int escaped(String s, int i, char close) {
    for (int j = i + 1; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == close) {
        return j + 1;
      }
    }
    return -1;
  }

  /** $(...), $((...)), ${...}, $'...'; a lone $ is one character. */
  static int dollar(String s, int i) {
    if (i + 1 >= s.length()) {
      return i + 1;
    }
    return switch (s.charAt(i + 1)) {
      case '(' -> nested(s, i + 1, '(', ')');
      case '{' -> nested(s, i + 1, '{', '}');
      case '\'' -> ansi(s, i + 1);
      default -> i + 1;
    };
  }

  /** A bracketed span whose inside is shell text: quotes and substitutions in it are skipped whole. */
  static int nested(String s, int i, char open, char close) {
    int depth = 0;
    int j = i;
    while (j < s.length()) {
      char c = s.charAt(j);
      int k;
      if (c == open || c == close) {
        depth += c == open ? 1 : -1;
        k = j + 1;
        if (depth == 0) {
          return k;
        }
      } else {
        k = switch (c) {
          case '\\' -> j + 2;
          case '\'' -> single(s, j);
          case '"' -> dbl(s, j);
          case '`' -> backtick(s, j);
          case '$' -> dollar(s, j);
          default -> j + 1;
        };
      }
      if (k < 0) {
        return -1;
      }
      j = k;
    }
    return -1;
  }
}
