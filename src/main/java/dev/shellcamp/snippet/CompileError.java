package dev.shellcamp.snippet;

/** A compiler error in a learner's file: the file name, the line in that file (1-based), javac's message. */
public record CompileError(String file, int line, String message) {}
