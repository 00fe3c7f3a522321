package dev.shellcamp.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A lesson as loaded: logic from lesson.yaml, prose from en.md and ko.md, values bound to vars. */
public record Lesson(
    String id,
    Path dir,
    List<String> requires,
    String setup,
    String cleanup,
    Map<String, VarSpec> vars,
    Map<String, String> values,
    List<Step> steps,
    Map<String, LessonText> texts,
    List<Misconception> misconceptions) {

  public String course() {
    return id.substring(0, id.indexOf('/'));
  }

  public LessonText text(String lang) {
    LessonText t = texts.get(lang);
    return t != null ? t : texts.get("en");
  }

  public String title(String lang) {
    return text(lang).title();
  }

  public int indexOf(String stepId) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).id().equals(stepId)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the lesson or any of its steps needs the capability (a step's need may be skipped). */
  public boolean uses(String capability) {
    return requires.contains(capability) || steps.stream().anyMatch(s -> s.requires().contains(capability));
  }
}
