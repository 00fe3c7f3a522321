package dev.shellcamp.ui;

import java.util.ArrayList;
import java.util.List;

/** Word-wraps styled spans to a column width; a word wider than a line is broken by characters. */
final class Wrap {
  private Wrap() {}

  static List<String> lines(List<Span> spans, int width, String first, String rest) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder(first);
    int col = Width.of(first);
    int restWidth = Width.of(rest);
    boolean lineHasWord = false;
    boolean pendingSpace = false;
    for (Span span : spans) {
      if (span == Span.BREAK) {
        out.add(line.toString());
        line = new StringBuilder(rest);
        col = restWidth;
        lineHasWord = false;
        pendingSpace = false;
        continue;
      }
      for (String word : words(span)) {
        if (word.isBlank()) {
          pendingSpace = lineHasWord;
          continue;
        }
        int w = Width.of(word);
        int need = w + (pendingSpace ? 1 : 0);
        if (lineHasWord && col + need > width) {
          out.add(line.toString());
          line = new StringBuilder(rest);
          col = restWidth;
          pendingSpace = false;
        }
        if (pendingSpace) {
          line.append(' ');
          col++;
        }
        while (col + w > width && w > width - restWidth) {
          String head = fit(word, width - col);
          line.append(span.style().apply(head));
          out.add(line.toString());
          line = new StringBuilder(rest);
          col = restWidth;
          word = word.substring(head.length());
          w = Width.of(word);
        }
        line.append(span.style().apply(word));
        col += w;
        lineHasWord = true;
        pendingSpace = false;
      }
      if (!span.text().isEmpty() && Character.isWhitespace(span.text().charAt(span.text().length() - 1))) {
        pendingSpace = lineHasWord;
      }
    }
    if (lineHasWord || out.isEmpty()) {
      out.add(line.toString());
    }
    return out;
  }

  private static List<String> words(Span span) {
    List<String> words = new ArrayList<>();
    String t = span.text();
    if (span.keep()) {
      words.add(t);
      return words;
    }
    int start = 0;
    for (int i = 0; i <= t.length(); i++) {
      if (i == t.length() || t.charAt(i) == ' ') {
        if (i > start) {
          words.add(t.substring(start, i));
        }
        if (i < t.length()) {
          words.add(" ");
        }
        start = i + 1;
      }
    }
    return words;
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
