package dev.shellcamp.classroom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The class as it is now, in memory: learners, where each one is, the notes. Rebuilt from the
 * store at start and kept in step with it (changed only after the store committed), so the board
 * and the API never read the database on their hot paths.
 */
final class ClassView {
  private final Map<String, LearnerState> learners = new LinkedHashMap<>();
  private final List<Note> notes = new ArrayList<>();
  /** Time each pass of a step took, per "lesson#index", for the class's per-step figures. */
  private final Map<String, List<Long>> passTimes = new HashMap<>();
  /** The step id at each "lesson#index" seen, so a step keeps its name when no one is on it. */
  private final Map<String, String> stepNames = new HashMap<>();
  private final LongSupplier clock;
  private volatile Settings settings;
  private long lastNoteId;

  ClassView(Settings settings, LongSupplier clock) {
    this.settings = settings;
    this.clock = clock;
  }

  Settings settings() {
    return settings;
  }

  void settings(Settings s) {
    settings = s;
    synchronized (this) {
      learners.values().forEach(l -> l.version++);
    }
  }

  long now() {
    return clock.getAsLong();
  }

  synchronized void add(Learner l) {
    learners.put(l.id(), new LearnerState(l));
  }

  synchronized Learner learner(String id) {
    LearnerState s = learners.get(id);
    return s == null ? null : s.learner;
  }

  synchronized void apply(List<Event> events) {
    for (Event e : events) {
      LearnerState s = learners.get(e.learner());
      if (s == null) {
        continue;
      }
      String at = e.lesson() + "#" + e.index();
      if (e.step() != null) {
        stepNames.put(at, e.step());
      }
      long took = s.apply(e);
      if (took >= 0) {
        passTimes.computeIfAbsent(at, k -> new ArrayList<>()).add(took);
      }
    }
  }

  synchronized List<LearnerState.Row> rows() {
    long now = now();
    List<LearnerState.Row> rows = new ArrayList<>(learners.size());
    for (LearnerState s : learners.values()) {
      rows.add(s.row(settings, now));
    }
    return rows;
  }

  /** Rows whose state or stuck flag differ from what {@code sent} says a viewer has; updates {@code sent}. */
  synchronized List<LearnerState.Row> changed(Map<String, Long> sent) {
    long now = now();
    List<LearnerState.Row> rows = new ArrayList<>();
    for (LearnerState s : learners.values()) {
      boolean stuck = s.stuck(settings, now);
      long mark = s.version * 2 + (stuck ? 1 : 0);
      Long was = sent.put(s.learner.id(), mark);
      if (was == null || was != mark) {
        rows.add(s.row(settings, now));
      }
    }
    return rows;
  }

  synchronized List<StepStats> stats() {
    return StepStats.of(rows(), passTimes, stepNames);
  }

  synchronized void add(Note n) {
    notes.add(n);
    lastNoteId = Math.max(lastNoteId, n.id());
  }

  /** How many learners a note reaches now: one for a hint, every learner who has not left for a broadcast. */
  synchronized int reach(Note n) {
    if (!n.broadcast()) {
      return 1;
    }
    int present = 0;
    for (LearnerState s : learners.values()) {
      present += s.left ? 0 : 1;
    }
    return present;
  }

  synchronized long nextNoteId() {
    return Math.max(lastNoteId + 1, 1);
  }

  synchronized List<Note> notesFor(String learner, long after, int limit) {
    List<Note> out = new ArrayList<>();
    for (Note n : notes) {
      if (n.id() > after && n.forLearner(learner)) {
        out.add(n);
        if (out.size() == limit) {
          break;
        }
      }
    }
    return out;
  }
}
