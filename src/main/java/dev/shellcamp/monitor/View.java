package dev.shellcamp.monitor;

/**
 * What the learner chose to see: sort order, filter, tree, the selected process, and what the
 * bottom row is doing (keys, typing a filter, confirming a kill). Changed only by the render
 * thread; a new value per key press.
 */
record View(Sort sort, String filter, boolean tree, long selectedPid, Mode mode, String input, String note) {
  enum Sort { CPU, MEMORY, PID }

  enum Mode { BROWSE, FILTER, CONFIRM_KILL }

  static final View START = new View(Sort.CPU, "", false, -1, Mode.BROWSE, "", "");

  View sort(Sort s) {
    return new View(s, filter, tree, selectedPid, Mode.BROWSE, "", "");
  }

  View tree(boolean t) {
    return new View(sort, filter, t, selectedPid, Mode.BROWSE, "", "");
  }

  View select(long pid) {
    return new View(sort, filter, tree, pid, mode, input, "");
  }

  View mode(Mode m, String in) {
    return new View(sort, filter, tree, selectedPid, m, in, "");
  }

  View filter(String f) {
    return new View(sort, f, tree, -1, Mode.BROWSE, "", "");
  }

  View note(String n) {
    return new View(sort, filter, tree, selectedPid, Mode.BROWSE, "", n);
  }
}
