package dev.shellcamp.classroom;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One step of one lesson across the class: who is there now, who is stuck there, what it takes to pass. */
record StepStats(String lesson, int index, String step, int here, int stuck, int fails, int passes, long medianMillis) {

  static List<StepStats> of(Collection<LearnerState.Row> rows, Map<String, List<Long>> passTimes, Map<String, String> stepNames) {
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, String> names = new TreeMap<>(stepNames);
    for (LearnerState.Row r : rows) {
      if (r.step() == null || r.left()) {
        continue;
      }
      String key = r.lesson() + "#" + r.index();
      int[] c = counts.computeIfAbsent(key, k -> new int[3]);
      c[0]++;
      c[1] += r.stuck() ? 1 : 0;
      c[2] += r.fails();
      names.put(key, r.step());
    }
    for (String key : passTimes.keySet()) {
      counts.computeIfAbsent(key, k -> new int[3]);
    }
    List<StepStats> out = new ArrayList<>();
    for (var e : counts.entrySet()) {
      String key = e.getKey();
      int hash = key.lastIndexOf('#');
      List<Long> times = passTimes.getOrDefault(key, List.of());
      out.add(new StepStats(key.substring(0, hash), Integer.parseInt(key.substring(hash + 1)), names.get(key),
          e.getValue()[0], e.getValue()[1], e.getValue()[2], times.size(), median(times)));
    }
    out.sort((a, b) -> a.lesson.equals(b.lesson) ? Integer.compare(a.index, b.index) : a.lesson.compareTo(b.lesson));
    return out;
  }

  /** In the API's words (docs/class.md): snake_case like every other answer. */
  Map<String, Object> json() {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("lesson", lesson);
    m.put("index", index);
    m.put("step", step);
    m.put("here", here);
    m.put("stuck", stuck);
    m.put("fails", fails);
    m.put("passes", passes);
    m.put("median_ms", medianMillis);
    return m;
  }

  private static long median(List<Long> times) {
    if (times.isEmpty()) {
      return -1;
    }
    List<Long> sorted = new ArrayList<>(times);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
