package dev.shellcamp.repl;

import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Status;

/**
 * The bottom status line (lesson, step, progress dots). JLine's Status is null on a dumb
 * terminal. While a command runs, the status row stays and the learner's PTY is told it is one
 * row shorter (as tmux does for its own status line), so vi and top never draw over it and the
 * scroll region never has to change under them.
 */
final class StatusBar {
  private final Status status;
  private final Terminal terminal;
  private String text = "";

  StatusBar(Terminal terminal, boolean enabled) {
    this.terminal = terminal;
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

  /** Rows the learner's programs may use. */
  int childRows() {
    return Math.max(terminal.getHeight() - (status == null ? 0 : 1), 1);
  }

  /** After a resize while a command ran. */
  void resized() {
    if (status != null) {
      status.resize(terminal.getSize());
    }
  }

  /**
   * After a command: it may have cleared the screen (status row included), reset the scroll
   * region or resized the window. Status.reset() would move the cursor home, so the region is
   * set again inside save/restore cursor, and a blank frame forces JLine's diffing display to
   * draw the status row anew.
   */
  void redraw() {
    if (status != null) {
      status.resize(terminal.getSize());
      int rows = terminal.getHeight();
      if (rows > 2) {
        terminal.writer().write("\u001b7\u001b[1;" + (rows - 1) + "r\u001b8");
        terminal.writer().flush();
      }
      status.update(List.of(AttributedString.EMPTY));
      show(text);
    }
  }

  /** Erases the status row and gives the whole screen back, as it was before we started. */
  void close() {
    if (status != null) {
      status.hide();
      status.close();
    }
  }
}
