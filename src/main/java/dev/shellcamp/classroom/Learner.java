package dev.shellcamp.classroom;

/** A learner who joined; only the hash of their secret is kept. */
record Learner(String id, String name, String secretHash, String lang, long joinedAt) {
  /** Two names that differ only in case or surrounding spaces are one name on the board. */
  static String key(String name) {
    return name.strip().toLowerCase(java.util.Locale.ROOT);
  }
}
