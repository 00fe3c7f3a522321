package dev.shellcamp.lesson;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The nested parts of a {@code java} check: its cases and the versions its file runs against. */
final class JavaSchema {
  private static final Set<String> CASE_KEYS = Set.of("expr", "equals", "throws", "prints", "stdin");
  private static final Set<String> VERSION_KEYS = Set.of("file", "expect");

  private JavaSchema() {}

  static List<Map<String, String>> cases(Path file, String where, Node n, List<Problem> problems) {
    return each(file, n, maps(file, where, n, CASE_KEYS, problems), JavaSchema::caseProblem, problems);
  }

  private static String caseProblem(Map<String, String> c) {
    if (!c.containsKey("expr")) {
      return "a case needs 'expr', the Java expression to run";
    }
    return c.containsKey("equals") && c.containsKey("throws") ? "a case has 'equals' or 'throws', not both" : null;
  }

  static List<Map<String, String>> versions(Path file, String where, Node n, List<Problem> problems) {
    return each(file, n, maps(file, where, n, VERSION_KEYS, problems), JavaSchema::versionProblem, problems);
  }

  private static String versionProblem(Map<String, String> v) {
    return !v.containsKey("file") || !Set.of("pass", "fail").contains(v.getOrDefault("expect", ""))
        ? "each of 'against' needs 'file' and 'expect: pass' or 'expect: fail'" : null;
  }

  /**
   * {@code out}, the maps read from list {@code n}, once none of them has a {@code problem}; else
   * null, with the first one's problem at its line. Null stays null (reading the maps failed).
   */
  private static List<Map<String, String>> each(Path file, Node n, List<Map<String, String>> out,
      Function<Map<String, String>, String> problem, List<Problem> problems) {
    if (out == null) {
      return null;
    }
    for (int i = 0; i < out.size(); i++) {
      String p = problem.apply(out.get(i));
      if (p != null) {
        problems.add(new Problem(file, n.list().get(i).line(), p));
        return null;
      }
    }
    return out;
  }

  private static List<Map<String, String>> maps(Path file, String where, Node n, Set<String> keys,
      List<Problem> problems) {
    if (!n.isList() || n.list().isEmpty()) {
      problems.add(new Problem(file, n.line(), "'" + where + "' must be a non-empty list of maps"));
      return null;
    }
    List<Map<String, String>> out = new java.util.ArrayList<>();
    for (Node item : n.list()) {
      if (!item.isMap()) {
        problems.add(new Problem(file, item.line(), "each of '" + where + "' is a map, not " + item.kind()));
        return null;
      }
      Map<String, String> m = new LinkedHashMap<>();
      for (Map.Entry<String, Node> e : item.map().entrySet()) {
        if (!keys.contains(e.getKey())) {
          problems.add(new Problem(file, e.getValue().line(), "unknown key '" + e.getKey() + "' in '" + where
              + "' (allowed: " + String.join(", ", keys.stream().sorted().toList()) + ")"));
          return null;
        }
        if (!e.getValue().isScalar()) {
          problems.add(new Problem(file, e.getValue().line(), "'" + where + "." + e.getKey() + "' must be a single value"));
          return null;
        }
        m.put(e.getKey(), e.getValue().text());
      }
      out.add(Map.copyOf(m));
    }
    return List.copyOf(out);
  }
}
