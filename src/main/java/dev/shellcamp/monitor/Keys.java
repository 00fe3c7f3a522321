package dev.shellcamp.monitor;

import java.util.ArrayList;
import java.util.List;

/** Turns typed text into keys: characters, arrows, Enter, Escape, Backspace, Ctrl-C. */
final class Keys {
  private Keys() {}

  enum Kind { CHAR, UP, DOWN, ENTER, ESCAPE, BACKSPACE, INTERRUPT, OTHER }

  record Key(Kind kind, String text) {}

  /**
   * Takes the whole keys off the front of {@code typed}. An escape sequence or a surrogate pair
   * cut between two reads stays there for the next call, unless {@code flush} (no more came
   * within a moment): then a lone ESC is the Escape key.
   */
  static List<Key> take(StringBuilder typed, boolean flush) {
    List<Key> out = new ArrayList<>();
    int i = 0;
    int n = typed.length();
    while (i < n) {
      char c = typed.charAt(i);
      if (c == 27) {
        int end = escapeEnd(typed, i);
        if (end < 0 && !flush) {
          break;
        }
        if (end < 0 || end == i + 1) {
          out.add(new Key(Kind.ESCAPE, ""));
          i = end < 0 ? n : end;
          continue;
        }
        char f = typed.charAt(end - 1);
        out.add(new Key(f == 'A' ? Kind.UP : f == 'B' ? Kind.DOWN : Kind.OTHER, ""));
        i = end;
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 >= n && !flush) {
          break;
        }
        out.add(new Key(Kind.CHAR, i + 1 < n ? typed.substring(i, i + 2) : ""));
        i += 2;
      } else {
        out.add(single(c));
        i++;
      }
    }
    typed.delete(0, Math.min(i, n));
    return out;
  }

  /**
   * Where the key starting with ESC at {@code at} ends: just after the ESC for a lone Escape,
   * after the final letter or '~' of ESC [ … or ESC O … (arrows, Page Up), or -1 while the
   * sequence is still incomplete.
   */
  private static int escapeEnd(CharSequence s, int at) {
    if (at + 1 >= s.length()) {
      return -1;
    }
    char b = s.charAt(at + 1);
    if (b != '[' && b != 'O') {
      return at + 1; // Escape, then a key of its own
    }
    int j = at + 2;
    while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == ';')) {
      j++;
    }
    return j < s.length() ? j + 1 : -1;
  }

  private static Key single(char c) {
    return switch (c) {
      case 3 -> new Key(Kind.INTERRUPT, "");
      case '\r', '\n' -> new Key(Kind.ENTER, "");
      case 127, 8 -> new Key(Kind.BACKSPACE, "");
      default -> c < 32 ? new Key(Kind.OTHER, "") : new Key(Kind.CHAR, String.valueOf(c));
    };
  }
}
