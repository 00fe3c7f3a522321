package dev.shellcamp.progress;

import dev.shellcamp.lesson.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * progress.json read entry by entry. Only a file without a seed or schema is unusable as a whole;
 * one lesson entry that does not read is set aside on its own, and a newer schema keeps the
 * entries this version understands, so the learner never loses more than what is actually broken.
 */
record ProgressParse(Progress progress, Map<String, Object> rejected, List<String> reasons, int newerSchema) {

  boolean isWhole() {
    return rejected.isEmpty() && newerSchema == 0;
  }

  static ProgressParse of(String text) throws Yaml.SyntaxError {
    Object root = Yaml.parsePlain(text);
    if (!(root instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("not a JSON object");
    }
    Object schema = m.get("schema");
    if (schema == null || !String.valueOf(schema).matches("\\d{1,9}")) {
      throw new IllegalArgumentException("no schema version");
    }
    int version = Integer.parseInt(String.valueOf(schema));
    long seed = Long.parseLong(String.valueOf(m.get("seed")));
    Map<String, LessonProgress> lessons = new LinkedHashMap<>();
    Map<String, Object> rejected = new LinkedHashMap<>();
    List<String> reasons = new ArrayList<>();
    if (version > Progress.SCHEMA) {
      reasons.add("schema " + version + " is newer than this shellcamp understands");
    }
    Object ls = m.get("lessons");
    if (ls instanceof Map<?, ?> lm) {
      for (Map.Entry<?, ?> e : lm.entrySet()) {
        String id = String.valueOf(e.getKey());
        try {
          lessons.put(id, entry(id, e.getValue()));
        } catch (RuntimeException bad) {
          rejected.put(id, e.getValue());
          reasons.add("lesson " + id + ": " + (bad instanceof NumberFormatException ? "not a number where one belongs"
              : bad.getMessage()));
        }
      }
    } else if (ls != null && !"".equals(ls)) {
      rejected.put("", ls);
      reasons.add("'lessons' is not a map");
    }
    Progress p = new Progress(Progress.SCHEMA, seed, str(m.get("lang"), null), str(m.get("last_lesson"), null),
        Map.copyOf(lessons));
    return new ProgressParse(p, rejected, reasons, version > Progress.SCHEMA ? version : 0);
  }

  private static LessonProgress entry(String id, Object v) {
    if (!(v instanceof Map<?, ?> l)) {
      throw new IllegalArgumentException("not a JSON object");
    }
    return new LessonProgress(id, Integer.parseInt(str(l.get("step"), "0")),
        list(l.get("done"), "done"), list(l.get("shown"), "shown"), list(l.get("skipped"), "skipped"),
        Integer.parseInt(str(l.get("hints"), "0")), scalar(l.get("started")), scalar(l.get("completed")));
  }

  private static String scalar(Object o) {
    if (o instanceof Map || o instanceof List) {
      throw new IllegalArgumentException("a date is a list or object");
    }
    return str(o, null);
  }

  private static String str(Object o, String dflt) {
    return o == null || "".equals(o) || "null".equals(o) ? dflt : String.valueOf(o);
  }

  private static List<String> list(Object o, String key) {
    if (o == null || "".equals(o)) {
      return List.of();
    }
    if (!(o instanceof List<?> l) || l.stream().anyMatch(x -> !(x instanceof String))) {
      throw new IllegalArgumentException("'" + key + "' is not a list of step ids");
    }
    return l.stream().map(String::valueOf).toList();
  }
}
