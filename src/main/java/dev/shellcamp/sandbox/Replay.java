package dev.shellcamp.sandbox;

/**
 * The last stretch of a terminal's output, replayed to a browser that connects again (a reload, a
 * dropped network) so the learner sees the screen they left, not a blank page.
 */
final class Replay {
  private final int capacity;
  private final StringBuilder text = new StringBuilder();

  Replay(int capacity) {
    this.capacity = capacity;
  }

  synchronized void append(String s) {
    text.append(s);
    int over = text.length() - capacity;
    if (over > 0) {
      // cut at a line start where one is near, so the replay does not begin inside an escape sequence
      int nl = text.indexOf("\n", over);
      int cut = nl >= 0 && nl - over < 4096 ? nl + 1 : over;
      if (Character.isLowSurrogate(text.charAt(cut))) {
        cut++;
      }
      text.delete(0, cut);
    }
  }

  synchronized String text() {
    return text.toString();
  }
}
