package dev.shellcamp.lesson;

import java.nio.file.Path;

/** One thing wrong with a lesson file, where it is, and what is wrong. */
public record Problem(Path file, int line, String message) {
  @Override
  public String toString() {
    return file + ":" + Math.max(line, 1) + ": " + message;
  }
}
