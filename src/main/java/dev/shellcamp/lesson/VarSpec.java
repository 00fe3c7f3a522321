package dev.shellcamp.lesson;

import java.util.List;
import java.util.Random;

/** A per-learner value: one of {@code pick}, so that a memorised answer fails for someone else. */
public record VarSpec(String name, List<String> pick) {
  public String choose(long seed) {
    Random r = new Random(seed * 31 + name.hashCode());
    return pick.get(r.nextInt(pick.size()));
  }
}
