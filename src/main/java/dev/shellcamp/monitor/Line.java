package dev.shellcamp.monitor;

import dev.shellcamp.ui.Width;
import java.util.function.UnaryOperator;

/**
 * One screen row built from plain pieces, each styled after it is cut, so a row is never wider
 * than the terminal (wide Korean characters count two) and a colour code is never cut in half.
 */
final class Line {
  private final StringBuilder b = new StringBuilder();
  private final int width;
  private int used;

  Line(int width) {
    this.width = Math.max(0, width);
  }

  Line add(String plain) {
    return add(plain, UnaryOperator.identity());
  }

  Line add(String plain, UnaryOperator<String> style) {
    String cut = cut(plain, width - used);
    if (!cut.isEmpty()) {
      b.append(style.apply(cut));
      used += Width.of(cut);
    }
    return this;
  }

  /** Spaces up to column {@code col}. */
  Line pad(int col) {
    if (col > used) {
      add(" ".repeat(col - used));
    }
    return this;
  }

  int left() {
    return width - used;
  }

  int used() {
    return used;
  }

  @Override
  public String toString() {
    return b.toString();
  }

  /** The longest prefix of {@code s} at most {@code w} columns wide. */
  static String cut(String s, int w) {
    return w <= 0 ? "" : Width.truncate(s, w);
  }

  /** {@code s} cut or padded to exactly {@code w} columns, aligned right when {@code right}. */
  static String fit(String s, int w, boolean right) {
    String c = cut(s, w);
    int pad = w - Width.of(c);
    return right ? " ".repeat(pad) + c : c + " ".repeat(pad);
  }
}
