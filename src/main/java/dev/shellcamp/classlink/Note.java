package dev.shellcamp.classlink;

/** A note from the instructor: to everyone ({@code broadcast}) or to this learner only ({@code hint}). */
public record Note(long id, String text, String kind, long at) {
  public boolean forMeOnly() {
    return "hint".equals(kind);
  }
}
