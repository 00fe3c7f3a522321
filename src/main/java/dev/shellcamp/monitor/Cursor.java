package dev.shellcamp.monitor;

import java.nio.charset.StandardCharsets;

/**
 * A read position in the bytes of a loaded /proc file. Numbers are parsed where they lie, and
 * only the names kept (a disk, an interface) become strings: at one refresh a second, splitting
 * every line into word strings cost the sampler more than the kernel took to make the files
 * (docs/benchmarks.md). Blanks are spaces and tabs; no call moves past a newline except
 * {@link #nextLine()}, so a short line never lends its numbers to the next.
 */
final class Cursor {
  private final byte[] b;
  private final int len;
  private int at;

  Cursor(byte[] b, int len) {
    this.b = b;
    this.len = len;
  }

  /** A recorded file's text (tests, and files read as text). */
  static Cursor of(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new Cursor(bytes, bytes.length);
  }

  boolean more() {
    return at < len;
  }

  /** Whether the text at the cursor starts with {@code ascii} (the cursor stays). */
  boolean startsWith(String ascii) {
    if (len - at < ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (b[at + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The next whole number on this line (a leading '-' allowed); 0 when the line has none left. */
  long number() {
    skipBlanks();
    boolean negative = at < len && b[at] == '-';
    if (negative) {
      at++;
    }
    long v = 0;
    while (at < len && b[at] >= '0' && b[at] <= '9') {
      v = v * 10 + (b[at++] - '0');
    }
    skipWordRest();
    return negative ? -v : v;
  }

  /** The next decimal number on this line, such as 0.52 or 28363.77; 0 when none is left. */
  double decimal() {
    skipBlanks();
    long whole = 0;
    while (at < len && b[at] >= '0' && b[at] <= '9') {
      whole = whole * 10 + (b[at++] - '0');
    }
    long fraction = 0;
    long scale = 1;
    if (at < len && b[at] == '.') {
      at++;
      while (at < len && b[at] >= '0' && b[at] <= '9' && scale < 1_000_000_000_000L) {
        fraction = fraction * 10 + (b[at++] - '0');
        scale *= 10;
      }
    }
    skipWordRest();
    return whole + (double) fraction / scale;
  }

  /** The next word on this line, up to a blank, a newline or {@code stop}; empty when none is left. */
  String word(char stop) {
    skipBlanks();
    int start = at;
    while (at < len && b[at] != ' ' && b[at] != '\t' && b[at] != '\n' && b[at] != stop) {
      at++;
    }
    return new String(b, start, at - start, StandardCharsets.UTF_8);
  }

  String word() {
    return word('\n');
  }

  /** Skips the next word on this line. */
  void skip() {
    skipBlanks();
    skipWordRest();
  }

  /** Moves just past {@code c} on this line; false (at the line's end) when the line has none. */
  boolean past(char c) {
    while (at < len && b[at] != '\n') {
      if (b[at++] == c) {
        return true;
      }
    }
    return false;
  }

  /** Moves to the start of the next line. */
  void nextLine() {
    while (at < len && b[at++] != '\n') {
      // to the newline, and past it
    }
  }

  private void skipBlanks() {
    while (at < len && (b[at] == ' ' || b[at] == '\t')) {
      at++;
    }
  }

  private void skipWordRest() {
    while (at < len && b[at] != ' ' && b[at] != '\t' && b[at] != '\n') {
      at++;
    }
  }
}
