package dev.shellcamp.classroom;

/** A note from the instructor: to every learner ({@code learner} null) or, as a hint, to one. */
record Note(long id, String learner, String text, long at) {
  boolean broadcast() {
    return learner == null;
  }

  boolean forLearner(String id) {
    return learner == null || learner.equals(id);
  }
}
