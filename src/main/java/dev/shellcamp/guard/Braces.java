package dev.shellcamp.guard;

import java.util.ArrayList;
import java.util.List;

/** Brace expansion, bash's first step: /{etc,usr} is two words. Sequences ({1..3}) stay as typed. */
final class Braces {
  private static final int MAX = 64;

  private Braces() {}

  static List<String> expand(String word) {
    List<String> out = new ArrayList<>();
    expand(word, out);
    return out;
  }

  private static void expand(String w, List<String> out) {
    int i = 0;
    while (i < w.length() && out.size() < MAX) {
      char c = w.charAt(i);
      if (c == '{') {
        List<Integer> cuts = cuts(w, i);
        if (cuts != null) {
          String prefix = w.substring(0, i);
          String suffix = w.substring(cuts.get(cuts.size() - 1) + 1);
          for (int k = 0; k + 1 < cuts.size(); k++) {
            expand(prefix + w.substring(cuts.get(k) + 1, cuts.get(k + 1)) + suffix, out);
          }
          return;
        }
      }
      int next = skip(w, i);
      if (next < 0) {
        break;
      }
      i = next;
    }
    out.add(w);
  }

  /** The brace at {@code open}, its top-level commas and its closing brace; null when it is no expansion. */
  private static List<Integer> cuts(String w, int open) {
    List<Integer> cuts = new ArrayList<>(List.of(open));
    int depth = 0;
    int i = open;
    while (i < w.length()) {
      char c = w.charAt(i);
      if (c == '{' || c == '}') {
        depth += c == '{' ? 1 : -1;
        if (depth == 0) {
          cuts.add(i);
          return cuts.size() > 2 ? cuts : null;
        }
      } else if (c == ',' && depth == 1) {
        cuts.add(i);
      }
      int next = c == '{' || c == '}' ? i + 1 : skip(w, i);
      if (next < 0) {
        return null;
      }
      i = next;
    }
    return null;
  }

  /** Past one character, or past a quoted or substituted span (braces inside it are not expansions). */
  private static int skip(String w, int i) {
    return switch (w.charAt(i)) {
      case '\\' -> Math.min(i + 2, w.length());
      case '\'' -> Scan.single(w, i);
      case '"' -> Scan.dbl(w, i);
      case '`' -> Scan.backtick(w, i);
      case '$' -> Scan.dollar(w, i);
      default -> i + 1;
    };
  }
}
