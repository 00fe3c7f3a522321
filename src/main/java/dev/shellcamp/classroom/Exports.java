package dev.shellcamp.classroom;

import dev.shellcamp.classlink.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The class written out for other tools: CSV for a spreadsheet, xAPI statements for a learning record store. */
final class Exports {
  private Exports() {}

  static String csv(List<LearnerState.Row> rows) {
    StringBuilder b = new StringBuilder();
    line(b, Rows.COLUMNS);
    for (LearnerState.Row r : rows) {
      line(b, Rows.cells(r));
    }
    return b.toString();
  }

  private static void line(StringBuilder b, Object[] cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(cell(cells[i]));
    }
    b.append("\r\n");
  }

  /** RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a leading apostrophe. */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
      s = "'" + s;
    }
    if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      s = '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  private static final Map<EventType, String[]> VERBS = Map.ofEntries(
      Map.entry(EventType.JOINED, verb("http://adlnet.gov/expapi/verbs/registered", "registered")),
      Map.entry(EventType.LESSON_STARTED, verb("http://adlnet.gov/expapi/verbs/attempted", "attempted")),
      Map.entry(EventType.STEP_ENTERED, verb("http://adlnet.gov/expapi/verbs/launched", "launched")),
      Map.entry(EventType.CHECK_FAILED, verb("http://adlnet.gov/expapi/verbs/failed", "failed")),
      Map.entry(EventType.HINT, verb("http://id.tincanapi.com/verb/viewed", "viewed a hint")),
      Map.entry(EventType.SOLUTION, verb("http://id.tincanapi.com/verb/viewed", "viewed the solution")),
      Map.entry(EventType.SKIP, verb("http://id.tincanapi.com/verb/skipped", "skipped")),
      Map.entry(EventType.STEP_PASSED, verb("http://adlnet.gov/expapi/verbs/passed", "passed")),
      Map.entry(EventType.LESSON_COMPLETED, verb("http://adlnet.gov/expapi/verbs/completed", "completed")),
      Map.entry(EventType.IDLE, verb("http://id.tincanapi.com/verb/paused", "paused")),
      Map.entry(EventType.LEFT, verb("http://adlnet.gov/expapi/verbs/exited", "exited")));

  private static String[] verb(String id, String display) {
    return new String[] {id, display};
  }

  /** One xAPI 1.0.3 statement per event; the learner is an account on this class server. */
  static Map<String, Object> xapi(List<Event> events, Map<String, String> names, String home) {
    List<Object> statements = new ArrayList<>();
    for (Event e : events) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("actor", Map.of("objectType", "Agent", "name", names.getOrDefault(e.learner(), e.learner()),
          "account", Map.of("homePage", home, "name", e.learner())));
      String[] v = VERBS.get(e.type());
      s.put("verb", Map.of("id", v[0], "display", Map.of("en-US", v[1])));
      String object = home + "/lessons/" + (e.lesson() == null ? "class" : e.lesson())
          + (e.step() == null ? "" : "/steps/" + e.step());
      Map<String, Object> def = new LinkedHashMap<>();
      def.put("name", Map.of("en-US", e.step() == null ? (e.lesson() == null ? "the class" : e.lesson()) : e.step()));
      s.put("object", Map.of("objectType", "Activity", "id", object, "definition", def));
      if (e.type() == EventType.CHECK_FAILED || e.type() == EventType.STEP_PASSED) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", e.type() == EventType.STEP_PASSED);
        if (e.reasonEn() != null) {
          result.put("response", e.reasonEn());
        }
        s.put("result", result);
      }
      s.put("timestamp", Instant.ofEpochMilli(e.at()).toString());
      s.put("context", Map.of("extensions", Map.of(home + "/xapi/seq", e.seq())));
      statements.add(s);
    }
    return Map.of("statements", statements);
  }
}
