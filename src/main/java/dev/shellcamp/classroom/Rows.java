package dev.shellcamp.classroom;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A learner row in the API's words (docs/class.md): snake_case, the reason in both languages. */
final class Rows {
  static final String[] COLUMNS = {"id", "name", "lesson", "step", "index", "total", "since", "fails", "hints",
      "solutions", "skips", "passed", "completed", "last_reason_en", "last_reason_ko", "stuck", "idle", "left", "last_seen"};

  private Rows() {}

  /** A learner in the API's shape; Jackson writes the components in this order. */
  record Learner(String id, String name, String lesson, String step, int index, int total, long since, int fails,
      int hints, int solutions, int skips, int passed, int completed, @JsonProperty("last_reason") Reason lastReason,
      boolean stuck, boolean idle, boolean left, @JsonProperty("last_seen") long lastSeen) {}

  /** The last failure in both languages; without a Korean text the English one stands in. */
  record Reason(String en, String ko) {}

  static Learner json(LearnerState.Row r) {
    Reason reason = r.reasonEn() == null ? null : new Reason(r.reasonEn(), r.reasonKo() == null ? r.reasonEn() : r.reasonKo());
    return new Learner(r.id(), r.name(), r.lesson(), r.step(), r.index(), r.total(), r.since(), r.fails(), r.hints(),
        r.solutions(), r.skips(), r.passed(), r.completed(), reason, r.stuck(), r.idle(), r.left(), r.lastSeen());
  }

  /** The same fields as {@link #COLUMNS}, as text cells. */
  static Object[] cells(LearnerState.Row r) {
    return new Object[] {r.id(), r.name(), r.lesson(), r.step(), r.index() + 1, r.total(),
        java.time.Instant.ofEpochMilli(r.since()), r.fails(), r.hints(), r.solutions(), r.skips(), r.passed(),
        r.completed(), r.reasonEn(), r.reasonKo(), r.stuck(), r.idle(), r.left(), java.time.Instant.ofEpochMilli(r.lastSeen())};
  }
}
