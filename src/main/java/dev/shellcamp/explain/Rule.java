package dev.shellcamp.explain;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One classic mistake. {@code test} answers the arguments its texts take (a file name, the
 * fix's command) when the attempt shows the mistake; its texts are {@code mistake.ID.name},
 * {@code .why} and {@code .fix} in the bundles.
 */
record Rule(String id, Function<Attempt, Optional<List<String>>> test) {
  static Optional<List<String>> fires(String... args) {
    return Optional.of(List.of(args));
  }

  static Optional<List<String>> silent() {
    return Optional.empty();
  }
}
