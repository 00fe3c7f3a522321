package dev.shellcamp.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the menu shows of a lesson that loads: enough to list it with its progress and say whether
 * it can run here, without parsing its YAML (the catalog index keeps these between starts).
 */
public record LessonSummary(String id, Path dir, Map<String, String> titles, List<String> stepIds,
    List<String> requires) {

  static LessonSummary of(Lesson l) {
    Map<String, String> titles = new java.util.LinkedHashMap<>();
    l.texts().forEach((lang, t) -> titles.put(lang, t.title()));
    return new LessonSummary(l.id(), l.dir(), titles, l.steps().stream().map(Step::id).toList(), l.requires());
  }

  public String title(String lang) {
    String t = titles.get(lang);
    return t != null ? t : titles.getOrDefault("en", id);
  }
}
