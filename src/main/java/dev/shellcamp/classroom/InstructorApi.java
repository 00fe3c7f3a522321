package dev.shellcamp.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Request;

/** What the instructor's token allows: read the class, export it, send notes, change settings. */
final class InstructorApi {
  static final int MAX_NOTE = 2_000;

  private final ClassView view;
  private final Store store;
  private final String token;
  private final String code;
  private final Runnable changed;

  InstructorApi(ClassView view, Store store, ClassInfo info, Runnable changed) {
    this.view = view;
    this.store = store;
    this.token = info.token();
    this.code = info.code();
    this.changed = changed;
  }

  void authorize(Request request) throws ApiError {
    if (!Secrets.same(token, Http.bearer(request))) {
      throw new ApiError(401, "the instructor's token is missing or wrong");
    }
  }

  List<Rows.Learner> learners() {
    return view.rows().stream().map(Rows::json).toList();
  }

  List<Map<String, Object>> timeline(String learner) throws ApiError, SQLException {
    if (view.learner(learner) == null) {
      throw new ApiError(404, "no learner " + learner + " in this class");
    }
    return store.timeline(learner, 1000).stream().map(e -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seq", e.seq());
      m.put("type", e.type().wire());
      m.put("at", e.at());
      m.put("lesson", e.lesson());
      m.put("step", e.step());
      m.put("index", e.index());
      m.put("total", e.total());
      if (e.reasonEn() != null) {
        m.put("reason", Map.of("en", e.reasonEn(), "ko", e.reasonKo() == null ? e.reasonEn() : e.reasonKo()));
      }
      return m;
    }).toList();
  }

  List<Map<String, Object>> stats() {
    return view.stats().stream().map(StepStats::json).toList();
  }

  /** What the board shows the class so they can join: the code and the command. */
  Map<String, Object> about(String home) {
    return Map.of("code", code, "url", home,
        "join", "shellcamp --class " + home + " --code " + code + " --name NAME");
  }

  String csv() {
    return Exports.csv(view.rows());
  }

  Map<String, Object> xapi(String home) throws SQLException {
    Map<String, String> names = new HashMap<>();
    view.rows().forEach(r -> names.put(r.id(), r.name()));
    return Exports.xapi(store.events(), names, home);
  }

  /** A note for everyone ({@code learner} null) or for one learner. */
  Map<String, Object> note(Request request, String learner) throws ApiError, IOException, SQLException {
    if (learner != null && view.learner(learner) == null) {
      throw new ApiError(404, "no learner " + learner + " in this class");
    }
    JsonNode body = Http.object(Http.body(request, 16 * 1024), "{\"text\": …}");
    String text = body.path("text").isTextual() ? body.get("text").asText().strip() : "";
    if (text.isEmpty() || text.length() > MAX_NOTE) {
      throw new ApiError(400, "\"text\" must be 1 to " + MAX_NOTE + " characters");
    }
    Note n;
    int reach;
    synchronized (view) {
      n = new Note(view.nextNoteId(), learner, text, view.now());
      store.addNote(n);
      view.add(n);
      reach = view.reach(n);
    }
    // the board confirms "sent to N learners" with the server's count, not its own guess
    return Map.of("id", n.id(), "learners", reach);
  }

  Map<String, Object> settings() {
    Settings s = view.settings();
    return Map.of("stuck_minutes", s.stuckMinutes(), "stuck_fails", s.stuckFails());
  }

  Map<String, Object> settings(Request request) throws ApiError, IOException, SQLException {
    JsonNode body = Http.object(Http.body(request, 4096), "{\"stuck_minutes\": …, \"stuck_fails\": …}");
    Settings now = view.settings();
    Settings s;
    try {
      s = new Settings(body.path("stuck_minutes").asInt(now.stuckMinutes()), body.path("stuck_fails").asInt(now.stuckFails()));
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, e.getMessage());
    }
    store.saveSettings(s);
    view.settings(s);
    changed.run();
    return settings();
  }
}
