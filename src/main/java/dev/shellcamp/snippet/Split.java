package dev.shellcamp.snippet;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;

/** A learner's file cut into the complete snippets JShell's eval takes, each with its offset in the file. */
final class Split {
  private Split() {}

  record Piece(String source, int offset) {}

  static List<Piece> pieces(SourceCodeAnalysis sca, String text) {
    List<Piece> out = new ArrayList<>();
    String rest = text;
    while (!rest.isBlank()) {
      int offset = text.length() - rest.length();
      SourceCodeAnalysis.CompletionInfo ci = sca.analyzeCompletion(rest);
      if (ci.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
        break;
      }
      if (!ci.completeness().isComplete() || ci.source() == null) {
        out.add(new Piece(rest, offset));  // incomplete: let the compiler say what is missing
        break;
      }
      out.add(new Piece(ci.source(), offset));
      if (ci.remaining().length() >= rest.length()) {
        break;
      }
      rest = ci.remaining();
    }
    return out;
  }

  /** 1-based line of a character offset. */
  static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < Math.min(offset, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  static int leadingSpace(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
