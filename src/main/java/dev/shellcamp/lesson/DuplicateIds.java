package dev.shellcamp.lesson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two lessons with one id would share a workspace and a progress entry, and the catalog would
 * keep only one of them without a word; lint names the later one instead.
 */
public final class DuplicateIds {
  private DuplicateIds() {}

  /** A problem on the id line of each lesson whose id an earlier lesson (in list order) has. */
  public static List<Problem> find(List<LessonLoader.Loaded> loaded) {
    Map<String, Path> first = new HashMap<>();
    List<Problem> out = new ArrayList<>();
    for (LessonLoader.Loaded l : loaded) {
      if (l.id() == null) {
        continue;
      }
      Path yaml = l.yaml().toAbsolutePath().normalize();
      Path earlier = first.putIfAbsent(l.id(), yaml);
      // the same folder named twice on the command line is one lesson, not two
      if (earlier != null && !earlier.equals(yaml)) {
        out.add(new Problem(l.yaml(), l.idLine(), "id '" + l.id() + "' is already used by " + earlier));
      }
    }
    return out;
  }
}
