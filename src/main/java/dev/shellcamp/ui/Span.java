package dev.shellcamp.ui;

import java.util.function.UnaryOperator;

/** A run of inline text and how to style it; {@code keep} runs are not split at spaces. */
record Span(String text, UnaryOperator<String> style, boolean keep) {
  static final Span BREAK = new Span("\n", UnaryOperator.identity(), true);
}
