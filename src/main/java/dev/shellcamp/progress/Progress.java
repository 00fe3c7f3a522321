package dev.shellcamp.progress;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything saved for one learner. {@code seed} picks their lesson vars, so a resumed lesson
 * keeps the same values and another learner gets different ones.
 */
public record Progress(int schema, long seed, String lang, String lastLesson, Map<String, LessonProgress> lessons) {
  public static final int SCHEMA = 1;

  public LessonProgress lesson(String id) {
    return lessons.get(id);
  }

  public Progress with(LessonProgress lp) {
    Map<String, LessonProgress> m = new LinkedHashMap<>(lessons);
    m.put(lp.id(), lp);
    return new Progress(schema, seed, lang, lp.id(), Map.copyOf(m));
  }

  public Progress without(String id) {
    Map<String, LessonProgress> m = new LinkedHashMap<>(lessons);
    m.remove(id);
    return new Progress(schema, seed, lang, id.equals(lastLesson) ? null : lastLesson, Map.copyOf(m));
  }

  public Progress withLang(String l) {
    return new Progress(schema, seed, l, lastLesson, lessons);
  }

  public Progress cleared() {
    return new Progress(schema, seed, lang, null, Map.of());
  }
}
