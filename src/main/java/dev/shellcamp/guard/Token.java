package dev.shellcamp.guard;

/** One piece of a shell line: a word as typed, an operator, or a redirection (with a heredoc's body). */
record Token(Kind kind, String text, String body) {
  enum Kind { WORD, OP, REDIR }

  Token(Kind kind, String text) {
    this(kind, text, null);
  }

  boolean op(String t) {
    return kind == Kind.OP && text.equals(t);
  }

  boolean word(String t) {
    return kind == Kind.WORD && text.equals(t);
  }
}
