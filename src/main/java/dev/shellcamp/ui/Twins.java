package dev.shellcamp.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages one piece of work rendered (see {@link Messages#recording}), so its final text
 * can be given in the other language without doing the work again: each rendered message is
 * replaced by the same message rendered in the other language, longest first. Text between
 * messages (file names, a command's output, a diff's lines) is not ours and stays as it is.
 *
 * <p>Recording keeps only the key, the arguments and the text; the other language is rendered
 * only when {@link #both} is asked, so a check whose reason is never sent costs a list add.
 */
public final class Twins {
  /** A bundle message (key and arguments), or a text given in both languages (en and ko). */
  private record Piece(String key, Object[] args, String text, String en, String ko) {}

  private record Pair(String text, String twin) {}

  private final List<Piece> pieces = new ArrayList<>();

  synchronized void note(String key, Object[] args, String text) {
    pieces.add(new Piece(key, args, text, null, null));
  }

  /** A text that came in both languages (a lesson's own run-check reason). */
  synchronized void given(String text, String en, String ko) {
    pieces.add(new Piece(null, null, text, en, ko));
  }

  /** {@code text}, which was rendered in {@code lang}, in English and Korean: {"en": …, "ko": …}. */
  public Map<String, String> both(String text, String lang) {
    String other = "ko".equals(lang) ? "en" : "ko";
    Map<String, String> m = new LinkedHashMap<>();
    String translated = translate(text, Messages.of(other));
    m.put("en", "en".equals(other) ? translated : text);
    m.put("ko", "ko".equals(other) ? translated : text);
    return m;
  }

  /** {@code text} with every recorded message in {@code other}'s language. */
  public String translate(String text, Messages other) {
    List<Piece> seen;
    synchronized (this) {
      seen = List.copyOf(pieces);
    }
    List<Pair> pairs = new ArrayList<>();
    for (Piece p : seen) {
      if (p.key() == null) {
        String twin = "ko".equals(other.lang()) && !p.ko().isEmpty() ? p.ko() : p.en();
        if (!twin.equals(p.text())) {
          pairs.add(new Pair(p.text(), twin));
        }
        continue;
      }
      // a message made of messages ("what.file" inside "check.contains"): its arguments were
      // rendered earlier, so their twins are already known
      Object[] args = p.args().clone();
      for (int i = 0; i < args.length; i++) {
        if (args[i] instanceof String s) {
          args[i] = replace(s, longestFirst(pairs));
        }
      }
      String twin = other.get(p.key(), args);
      if (!p.text().isEmpty() && !twin.equals(p.text())) {
        pairs.add(new Pair(p.text(), twin));
      }
    }
    return replace(text, longestFirst(pairs));
  }

  private static List<Pair> longestFirst(List<Pair> pairs) {
    List<Pair> sorted = new ArrayList<>(pairs);
    sorted.sort(Comparator.comparingInt((Pair p) -> p.text().length()).reversed());
    return sorted;
  }

  /** One pass from left to right, so a twin already put in is never replaced again. */
  private static String replace(String s, List<Pair> pairs) {
    if (pairs.isEmpty()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    int i = 0;
    outer:
    while (i < s.length()) {
      for (Pair p : pairs) {
        if (s.startsWith(p.text(), i)) {
          b.append(p.twin());
          i += p.text().length();
          continue outer;
        }
      }
      b.append(s.charAt(i++));
    }
    return b.toString();
  }
}
