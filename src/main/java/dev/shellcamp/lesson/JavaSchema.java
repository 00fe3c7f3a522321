package dev.shellcamp.lesson;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The nested parts of a {@code java} check: its cases and the versions its file runs against. */
final class JavaSchema {
  private static final Set<String> CASE_KEYS = Set.of("expr", "equals", "throws", "prints", "stdin");
  private static final Set<String> VERSION_KEYS = Set.of("file", "expect");

  private JavaSchema() {}

  static List<Map<String, String>> cases(Path file, String where, Node n, List<Problem> problems) {
    List<Map<String, String>> out = maps(file, where, n, CASE_KEYS, problems);
    if (out == null) {
      return null;
    }
    for (int i = 0; i < out.size(); i++) {
      Map<String, String> c = out.get(i);
      int line = n.list().get(i).line();
      if (!c.containsKey("expr")) {
        problems.add(new Problem(file, line, "a case needs 'expr', the Java expression to run"));
        return null;
      }
      if (c.containsKey("equals") && c.containsKey("throws")) {
        problems.add(new Problem(file, line, "a case has 'equals' or 'throws', not both"));
        return null;
      }
    }
    return out;
  }

  static List<Map<String, String>> versions(Path file, String where, Node n, List<Problem> problems) {
    List<Map<String, String>> out = maps(file, where, n, VERSION_KEYS, problems);
    if (out == null) {
      return null;
    }
    for (int i = 0; i < out.size(); i++) {
      Map<String, String> v = out.get(i);
      if (!v.containsKey("file") || !Set.of("pass", "fail").contains(v.getOrDefault("expect", ""))) {
        problems.add(new Problem(file, n.list().get(i).line(),
            "each of 'against' needs 'file' and 'expect: pass' or 'expect: fail'"));
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
