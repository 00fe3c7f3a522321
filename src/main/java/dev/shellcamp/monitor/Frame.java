package dev.shellcamp.monitor;

import java.util.Arrays;
import java.util.List;

/**
 * Turns a screen of rows into what the terminal must be sent: only the rows that differ from
 * the last frame, each as cursor-to-row, erase-row, row. A monitor changes most rows every
 * refresh but few characters in each, and JLine's Display diffs character by character after
 * parsing every row's ANSI codes into attributed strings: at a 1 s refresh that code never gets
 * hot enough to be compiled and cost ≈ 0.7 ms a frame interpreted, about a third of the
 * monitor's whole CPU (docs/benchmarks.md). Erasing before writing, rather than after, matters
 * on a full-width row: the cursor then waits past the last column and an erase there would
 * take the last character with it.
 */
final class Frame {
  private String[] shown = new String[0];

  /** The bytes to send for {@code rows}, appended to {@code out}; empty when nothing changed. */
  void diff(List<String> rows, StringBuilder out) {
    if (shown.length != rows.size()) {
      shown = Arrays.copyOf(shown, rows.size());
    }
    for (int r = 0; r < rows.size(); r++) {
      String row = rows.get(r);
      if (row.equals(shown[r])) {
        continue;
      }
      out.append("\u001b[").append(r + 1).append(";1H\u001b[2K").append(row);
      shown[r] = row;
    }
  }

  /** Forgets what is on the terminal (after a clear or a resize): the next diff sends every row. */
  void invalidate() {
    Arrays.fill(shown, null);
  }
}
