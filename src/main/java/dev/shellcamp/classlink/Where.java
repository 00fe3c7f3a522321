package dev.shellcamp.classlink;

/** Where the learner is: lesson id, step id, the step's 0-based index and the lesson's step count. */
public record Where(String lesson, String step, int index, int total) {}
