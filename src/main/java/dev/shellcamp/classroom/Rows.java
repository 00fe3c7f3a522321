package dev.shellcamp.classroom;

import java.util.LinkedHashMap;
import java.util.Map;

/** A learner row in the API's words (docs/class.md): snake_case, the reason in both languages. */
final class Rows {
  static final String[] COLUMNS = {"id", "name", "lesson", "step", "index", "total", "since", "fails", "hints",
      "solutions", "skips", "passed", "completed", "last_reason_en", "last_reason_ko", "stuck", "idle", "left", "last_seen"};

  private Rows() {}

  static Map<String, Object> json(LearnerState.Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("name", r.name());
    m.put("lesson", r.lesson());
    m.put("step", r.step());
    m.put("index", r.index());
    m.put("total", r.total());
    m.put("since", r.since());
    m.put("fails", r.fails());
    m.put("hints", r.hints());
    m.put("solutions", r.solutions());
    m.put("skips", r.skips());
    m.put("passed", r.passed());
    m.put("completed", r.completed());
    Map<String, String> reason = new LinkedHashMap<>();
    if (r.reasonEn() != null) {
      reason.put("en", r.reasonEn());
      reason.put("ko", r.reasonKo() == null ? r.reasonEn() : r.reasonKo());
    }
    m.put("last_reason", r.reasonEn() == null ? null : reason);
    m.put("stuck", r.stuck());
    m.put("idle", r.idle());
    m.put("left", r.left());
    m.put("last_seen", r.lastSeen());
    return m;
  }

  /** The same fields as {@link #COLUMNS}, as text cells. */
  static Object[] cells(LearnerState.Row r) {
    return new Object[] {r.id(), r.name(), r.lesson(), r.step(), r.index() + 1, r.total(),
        java.time.Instant.ofEpochMilli(r.since()), r.fails(), r.hints(), r.solutions(), r.skips(), r.passed(),
        r.completed(), r.reasonEn(), r.reasonKo(), r.stuck(), r.idle(), r.left(), java.time.Instant.ofEpochMilli(r.lastSeen())};
  }
}
