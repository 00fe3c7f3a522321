package dev.shellcamp.explain;

/** A mistake named for the learner, in their language: what it is, why it goes wrong, the fix. */
public record Explanation(String id, String name, String why, String fix) {}
