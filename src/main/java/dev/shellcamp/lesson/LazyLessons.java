package dev.shellcamp.lesson;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lessons of an indexed catalog, each parsed the first time it is asked for (a lesson is
 * started, or warmed while the menu waits). A lesson whose files broke since the index was made
 * reads as absent, as a broken one does.
 */
final class LazyLessons extends AbstractMap<String, Lesson> {
  private final Map<String, LessonSummary> summaries;
  private final long seed;
  private final Map<String, Optional<Lesson>> loaded = new ConcurrentHashMap<>();

  LazyLessons(Map<String, LessonSummary> summaries, long seed) {
    this.summaries = summaries;
    this.seed = seed;
  }

  @Override
  public Lesson get(Object id) {
    LessonSummary s = summaries.get(id);
    if (s == null) {
      return null;
    }
    return loaded.computeIfAbsent(s.id(), k -> Optional.ofNullable(LessonLoader.load(s.dir(), seed).lesson()))
        .orElse(null);
  }

  @Override
  public boolean containsKey(Object id) {
    return get(id) != null;
  }

  /** Every lesson, in the index's order: parses all of them (lint-like uses, never the menu). */
  @Override
  public Set<Entry<String, Lesson>> entrySet() {
    Map<String, Lesson> all = new LinkedHashMap<>();
    for (String id : summaries.keySet()) {
      Lesson l = get(id);
      if (l != null) {
        all.put(id, l);
      }
    }
    return all.entrySet();
  }
}
