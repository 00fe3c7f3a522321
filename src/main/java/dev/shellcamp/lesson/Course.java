package dev.shellcamp.lesson;

import java.util.List;
import java.util.Map;

/** A course of the catalog: its lessons in teaching order. */
public record Course(String id, Map<String, String> title, List<String> lessonIds) {
  public String title(String lang) {
    return title.getOrDefault(lang, title.getOrDefault("en", id));
  }
}
