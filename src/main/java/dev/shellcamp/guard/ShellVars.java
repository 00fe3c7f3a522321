package dev.shellcamp.guard;

import java.util.Map;
import java.util.Optional;

/** The learner's shell as the guard may ask it: a variable's current value, asked only when a destructive command uses it. */
@FunctionalInterface
public interface ShellVars {
  /** The value of {@code name} in the learner's shell; empty when it is not set. */
  Optional<String> value(String name);

  static ShellVars none() {
    return name -> Optional.empty();
  }

  static ShellVars of(Map<String, String> values) {
    Map<String, String> copy = Map.copyOf(values);
    return name -> Optional.ofNullable(copy.get(name));
  }
}
