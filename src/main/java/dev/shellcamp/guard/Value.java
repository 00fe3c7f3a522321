package dev.shellcamp.guard;

import java.util.List;

/** A variable as the guard knows it: set (a scalar is an array of one), unset, or not knowable before the line runs. */
record Value(State state, List<String> elems) {
  enum State { SET, UNSET, UNKNOWN }

  static final Value UNSET = new Value(State.UNSET, List.of());
  static final Value UNKNOWN = new Value(State.UNKNOWN, List.of());

  static Value of(String s) {
    return new Value(State.SET, List.of(s));
  }

  static Value of(List<String> elems) {
    return new Value(State.SET, List.copyOf(elems));
  }

  String scalar() {
    return elems.isEmpty() ? "" : elems.get(0);
  }
}
