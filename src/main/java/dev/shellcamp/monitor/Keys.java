package dev.shellcamp.monitor;

import java.io.IOException;
import org.jline.utils.NonBlockingReader;

/** Turns the bytes of a key press into a key: a character, an arrow, Enter, Escape, Ctrl-C. */
final class Keys {
  private Keys() {}

  enum Kind { CHAR, UP, DOWN, ENTER, ESCAPE, BACKSPACE, INTERRUPT, OTHER }

  record Key(Kind kind, String text) {}

  static Key decode(int c, NonBlockingReader in) {
    switch (c) {
      case 3 -> {
        return new Key(Kind.INTERRUPT, "");
      }
      case '\r', '\n' -> {
        return new Key(Kind.ENTER, "");
      }
      case 127, 8 -> {
        return new Key(Kind.BACKSPACE, "");
      }
      case 27 -> {
        return escape(in);
      }
      default -> {
        if (c < 32) {
          return new Key(Kind.OTHER, "");
        }
        if (Character.isHighSurrogate((char) c)) {
          int low = next(in, 50);
          return new Key(Kind.CHAR, low < 0 ? "" : new String(new char[] {(char) c, (char) low}));
        }
        return new Key(Kind.CHAR, String.valueOf((char) c));
      }
    }
  }

  /** A lone Escape, or the start of an arrow key's sequence (ESC [ A or, in keypad mode, ESC O A). */
  private static Key escape(NonBlockingReader in) {
    int b = next(in, 50);
    if (b != '[' && b != 'O') {
      return new Key(Kind.ESCAPE, "");
    }
    int f = next(in, 50);
    // other sequences (Page Up: ESC [ 5 ~) end in '~' or a letter: swallow them whole
    while (f >= '0' && f <= '9' || f == ';') {
      f = next(in, 50);
    }
    return switch (f) {
      case 'A' -> new Key(Kind.UP, "");
      case 'B' -> new Key(Kind.DOWN, "");
      default -> new Key(Kind.OTHER, "");
    };
  }

  private static int next(NonBlockingReader in, long ms) {
    try {
      return in.read(ms);
    } catch (IOException e) {
      return -1;
    }
  }
}
