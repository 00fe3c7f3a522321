package dev.shellcamp.shell;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** SHELLCAMP_PTY_TRACE=file appends the raw PTY stream there, for debugging marker handling. */
final class Trace {
  private Trace() {}

  static OutputStream open() {
    String file = System.getenv("SHELLCAMP_PTY_TRACE");
    if (file == null || file.isEmpty()) {
      return null;
    }
    try {
      return new FileOutputStream(file, true);
    } catch (IOException e) {
      return null;
    }
  }
}
