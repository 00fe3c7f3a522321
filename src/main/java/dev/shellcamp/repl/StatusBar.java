package dev.shellcamp.repl;

import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Status;

/**
 * The bottom status line (lesson, step, progress dots). JLine's Status is null on a dumb
 * terminal, and it is suspended while a command owns the screen, so vi and top get every row.
 */
final class StatusBar {
  private final Status status;
  private String text = "";

  StatusBar(Terminal terminal, boolean enabled) {
    Status s = null;
    if (enabled) {
      try {
        s = Status.getStatus(terminal);
      } catch (RuntimeException e) {
        s = null;
      }
    }
    this.status = s;
  }

  void show(String line) {
    text = line;
    if (status != null) {
      status.update(List.of(new AttributedString(line, AttributedStyle.DEFAULT.inverse())));
    }
  }

  void suspend() {
    if (status != null) {
      status.suspend();
    }
  }

  void restore() {
    if (status != null) {
      status.restore();
      show(text);
    }
  }

  void close() {
    if (status != null) {
      status.close();
    }
  }

  static String dots(int done, int total) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < total; i++) {
      b.append(i < done ? '●' : '○');
    }
    return b.toString();
  }
}
