package dev.shellcamp.classroom;

/** The class itself: its join code, the instructor's token and when a learner counts as stuck. */
record ClassInfo(String code, String token, Settings settings) {
}
