package dev.shellcamp.lesson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads and validates a lesson's {@code misconceptions:} list, every problem with its line. */
final class Misconceptions {
  private static final Set<String> KEYS = Set.of("id", "step", "typed", "output", "exit", "en", "ko", "quiet");
  private static final Set<String> TEXT_KEYS = Set.of("name", "why", "fix");

  private Misconceptions() {}

  static List<Misconception> read(Path file, Node node, List<String> stepIds, List<Problem> problems) {
    List<Misconception> out = new ArrayList<>();
    if (!Node.optionalList(file, node, "'misconceptions' must be a list of {id, typed/output/exit, en, ko}", problems)) {
      return out;
    }
    Set<String> ids = new HashSet<>();
    for (Node n : node.list()) {
      if (!n.isMap()) {
        problems.add(new Problem(file, n.line(), "a misconception must be a map (id, typed, en, ko, ...), not " + n.kind()));
        continue;
      }
      Misconception mc = one(file, n, stepIds, problems);
      if (mc != null && !ids.add(mc.id())) {
        problems.add(new Problem(file, n.line(), "misconception id '" + mc.id() + "' is used twice"));
      } else if (mc != null) {
        out.add(mc);
      }
    }
    return out;
  }

  private static Misconception one(Path file, Node n, List<String> stepIds, List<Problem> problems) {
    Map<String, Node> m = n.map();
    int before = problems.size();
    for (Map.Entry<String, Node> e : m.entrySet()) {
      if (!KEYS.contains(e.getKey())) {
        problems.add(new Problem(file, e.getValue().keyLine(), "unknown key '" + e.getKey()
            + "' in misconception (allowed: " + String.join(", ", KEYS.stream().sorted().toList()) + ")"));
      }
    }
    String id = text(file, m, "id", n.line(), problems);
    if (!m.containsKey("id")) {
      problems.add(new Problem(file, n.line(), "misconception has no 'id'"));
    }
    if (id != null && !id.matches("[a-z0-9][a-z0-9-]*")) {
      problems.add(new Problem(file, m.get("id").line(), "misconception id '" + id + "' must be lower-case words joined by '-'"));
    }
    String step = m.containsKey("step") ? text(file, m, "step", n.line(), problems) : null;
    if (step != null && !stepIds.contains(step)) {
      problems.add(new Problem(file, m.get("step").line(), "misconception step '" + step + "' is not a step of this lesson"));
    }
    if (m.containsKey("quiet")) {
      // {id: <built-in rule>, step: ..., quiet: true}: the step shows that mistake on purpose
      if (!"true".equals(m.get("quiet").text()) || m.keySet().stream().anyMatch(k -> !Set.of("id", "step", "quiet").contains(k))) {
        problems.add(new Problem(file, m.get("quiet").line(), "a quiet misconception is {id: <built-in rule id>, step: <optional>, quiet: true}"
            + " and nothing else"));
      }
      return problems.size() > before ? null : new Misconception(id, step, null, null, null, Map.of(), true);
    }
    String typed = m.containsKey("typed") ? regex(file, m, "typed", problems) : null;
    String output = m.containsKey("output") ? regex(file, m, "output", problems) : null;
    Integer exit = null;
    if (m.containsKey("exit")) {
      Node x = m.get("exit");
      if (x.isScalar() && x.text().matches("\\d{1,3}")) {
        exit = Integer.valueOf(x.text());
      } else {
        problems.add(new Problem(file, x.line(), "misconception 'exit' must be an exit status (0-255)"));
      }
    }
    if (!m.containsKey("typed") && !m.containsKey("output") && !m.containsKey("exit")) {
      problems.add(new Problem(file, n.line(), "misconception '" + id + "' needs at least one of typed, output, exit"));
    }
    Map<String, Misconception.Text> texts = new LinkedHashMap<>();
    for (String lang : LessonLoader.LANGS) {
      Node t = m.get(lang);
      if (t == null || !t.isMap()) {
        problems.add(new Problem(file, t == null ? n.line() : t.line(), "misconception '" + id + "' needs '" + lang
            + ": {name, why, fix}'"));
        continue;
      }
      for (String k : TEXT_KEYS) {
        if (!t.map().containsKey(k)) {
          problems.add(new Problem(file, t.line(), "misconception '" + id + "' " + lang + " needs '" + k + "'"));
        }
      }
      for (Map.Entry<String, Node> e : t.map().entrySet()) {
        if (!TEXT_KEYS.contains(e.getKey())) {
          problems.add(new Problem(file, e.getValue().keyLine(), "unknown key '" + e.getKey() + "' in misconception text"
              + " (allowed: fix, name, why)"));
        }
      }
      texts.put(lang, new Misconception.Text(text(file, t.map(), "name", t.line(), problems),
          text(file, t.map(), "why", t.line(), problems), text(file, t.map(), "fix", t.line(), problems)));
    }
    return problems.size() > before ? null : new Misconception(id, step, typed, output, exit, Map.copyOf(texts));
  }

  private static String text(Path file, Map<String, Node> m, String key, int line, List<Problem> problems) {
    Node n = m.get(key);
    if (n == null) {
      return null;  // reported by the caller's required-keys rule
    }
    if (!n.isScalar() || n.text().isBlank()) {
      problems.add(new Problem(file, n.line(), "'" + key + "' must be text"));
      return null;
    }
    return n.text();
  }

  private static String regex(Path file, Map<String, Node> m, String key, List<Problem> problems) {
    String r = text(file, m, key, 0, problems);
    if (r == null) {
      return null;
    }
    try {
      Pattern.compile(r);
    } catch (PatternSyntaxException e) {
      problems.add(new Problem(file, m.get(key).line(), "misconception '" + key + "' is not a valid regex: "
          + e.getDescription()));
    }
    return r;
  }
}
