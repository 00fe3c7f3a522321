package dev.shellcamp.guard;

/**
 * One argument after expansion. {@code glob} is the index of its first unquoted glob character
 * (-1 when none); {@code raw} is the word as typed, or null for names read from a pipe;
 * {@code unknown} says the text depends on something the guard cannot know before the line runs.
 */
record Field(String text, int glob, String raw, boolean unknown) {
  static Field literal(String text, String raw) {
    return new Field(text, -1, raw, false);
  }

  static Field unknown(String raw) {
    return new Field("", -1, raw, true);
  }

  /** The same argument with other text, e.g. find's {} filled in. */
  Field withText(String s, int globAt) {
    return new Field(s, globAt, raw, unknown);
  }
}
