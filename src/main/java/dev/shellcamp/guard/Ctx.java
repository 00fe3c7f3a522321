package dev.shellcamp.guard;

import java.util.ArrayList;
import java.util.List;

/**
 * How a command is reached: how deep in eval, bash -c and substitutions; whether it runs beside
 * others (in a pipeline or the background); what it reads; the functions calling it.
 */
record Ctx(int depth, boolean concurrent, Output stdin, List<String> calls) {
  static final Ctx TOP = new Ctx(0, false, Output.UNKNOWN, List.of());

  Ctx deeper() {
    return new Ctx(depth + 1, concurrent, stdin, calls);
  }

  Ctx beside() {
    return new Ctx(depth, true, stdin, calls);
  }

  Ctx reading(Output in) {
    return new Ctx(depth, concurrent, in, calls);
  }

  Ctx calling(String function) {
    List<String> c = new ArrayList<>(calls);
    c.add(function);
    return new Ctx(depth, concurrent, stdin, List.copyOf(c));
  }
}
