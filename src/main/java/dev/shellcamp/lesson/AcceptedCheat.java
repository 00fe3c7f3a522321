package dev.shellcamp.lesson;

/** A generated cheat the author accepts as a correct answer, and why (lesson.yaml {@code cheats_accepted}). */
public record AcceptedCheat(CheatKind kind, String why) {}
