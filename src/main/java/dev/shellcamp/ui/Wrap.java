package dev.shellcamp.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Word-wraps styled spans to a column width. Text glued together without a space stays together
 * across styles ({@code `fruits.txt`를}, {@code `ls`,}); a word wider than a line is broken by
 * characters.
 */
final class Wrap {
  private record Frag(String text, UnaryOperator<String> style) {}

  private static final Object BREAK = new Object();

  private Wrap() {}

  static List<String> lines(List<Span> spans, int width, String first, String rest) {
    List<Object> units = units(spans);
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder(first);
    int restWidth = Width.of(rest);
    int col = Width.of(first);
    boolean hasWord = false;
    for (Object u : units) {
      if (u == BREAK) {
        out.add(line.toString());
        line = new StringBuilder(rest);
        col = restWidth;
        hasWord = false;
        continue;
      }
      @SuppressWarnings("unchecked")
      List<Frag> unit = (List<Frag>) u;
      int w = unit.stream().mapToInt(f -> Width.of(f.text())).sum();
      if (hasWord && col + 1 + w > width) {
        out.add(line.toString());
        line = new StringBuilder(rest);
        col = restWidth;
        hasWord = false;
      }
      if (hasWord) {
        line.append(' ');
        col++;
      }
      for (Frag f : unit) {
        String text = f.text();
        // a unit wider than a whole line is broken by characters, starting where it stands
        while (w > width - restWidth && col + Width.of(text) > width && col < width) {
          String head = fit(text, width - col);
          line.append(f.style().apply(head));
          out.add(line.toString());
          line = new StringBuilder(rest);
          col = restWidth;
          text = text.substring(head.length());
        }
        line.append(f.style().apply(text));
        col += Width.of(text);
      }
      hasWord = true;
    }
    if (hasWord || out.isEmpty()) {
      out.add(line.toString());
    }
    return out;
  }

  /** Units to place: runs of fragments with no space between them, and line breaks. */
  private static List<Object> units(List<Span> spans) {
    List<Object> units = new ArrayList<>();
    List<Frag> current = new ArrayList<>();
    for (Span span : spans) {
      if (span == Span.BREAK) {
        close(current, units);
        current = new ArrayList<>();
        units.add(BREAK);
        continue;
      }
      if (span.keep()) {
        current.add(new Frag(span.text(), span.style()));
        continue;
      }
      String[] pieces = span.text().split(" ", -1);
      for (int i = 0; i < pieces.length; i++) {
        if (i > 0) {
          close(current, units);
          current = new ArrayList<>();
        }
        if (!pieces[i].isEmpty()) {
          current.add(new Frag(pieces[i], span.style()));
        }
      }
    }
    close(current, units);
    return units;
  }

  private static void close(List<Frag> unit, List<Object> units) {
    if (!unit.isEmpty()) {
      units.add(unit);
    }
  }

  private static String fit(String word, int cols) {
    int w = 0;
    int i = 0;
    while (i < word.length()) {
      int cp = word.codePointAt(i);
      int cw = Width.of(new String(Character.toChars(cp)));
      if (w + cw > Math.max(cols, 1) && i > 0) {
        break;
      }
      w += cw;
      i += Character.charCount(cp);
    }
    return word.substring(0, i);
  }
}
