package dev.shellcamp.sandbox;

import java.util.Map;

/**
 * One learner's sandbox as a back end makes it: {@code name} (lower case, at most 35 characters)
 * names the container or pod and its volume; {@code env} reaches the tutor inside (its class link
 * among it).
 */
public record Spec(String classId, String learner, String name, Map<String, String> env, Limits limits) {
  /** Labels that mark what this class made, so that cleaning up removes exactly that. */
  static final String CLASS_LABEL = "dev.shellcamp.class";
  static final String LEARNER_LABEL = "dev.shellcamp.learner";

  Map<String, String> labels() {
    return Map.of(CLASS_LABEL, classId, LEARNER_LABEL, learner);
  }
}
