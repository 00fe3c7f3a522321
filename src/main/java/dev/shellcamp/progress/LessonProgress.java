package dev.shellcamp.progress;

import java.util.ArrayList;
import java.util.List;

/** Where a learner is in one lesson and what they did to get there. */
public record LessonProgress(
    String id, int step, List<String> done, List<String> shown, List<String> skipped, int hints,
    String started, String completed) {

  public static LessonProgress start(String id, String now) {
    return new LessonProgress(id, 0, List.of(), List.of(), List.of(), 0, now, null);
  }

  public LessonProgress atStep(int s) {
    return new LessonProgress(id, s, done, shown, skipped, hints, started, completed);
  }

  public LessonProgress markDone(String stepId) {
    return new LessonProgress(id, step, add(done, stepId), shown, skipped, hints, started, completed);
  }

  public LessonProgress markShown(String stepId) {
    return new LessonProgress(id, step, done, add(shown, stepId), skipped, hints, started, completed);
  }

  public LessonProgress markSkipped(String stepId) {
    return new LessonProgress(id, step, add(done, stepId), shown, add(skipped, stepId), hints, started, completed);
  }

  public LessonProgress hintUsed() {
    return new LessonProgress(id, step, done, shown, skipped, hints + 1, started, completed);
  }

  public LessonProgress complete(String now) {
    return new LessonProgress(id, step, done, shown, skipped, hints, started, completed == null ? now : completed);
  }

  public boolean isDone(String stepId) {
    return done.contains(stepId);
  }

  private static List<String> add(List<String> list, String v) {
    if (list.contains(v)) {
      return list;
    }
    List<String> l = new ArrayList<>(list);
    l.add(v);
    return List.copyOf(l);
  }
}
